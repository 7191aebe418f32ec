import SwiftLexicalLookup
import SwiftSyntax

/// Names a cell uses before the notebook declares them, which Jupyter reports as a `NameError`.
///
/// All cells are one `main.swift`, where a global declared further down is already in scope: a
/// variable reads as zero (or crashes, for a class such as `Tensor`) until its declaration runs.
/// A notebook is read top to bottom, so a cell sees only what the cells above it declare, and within a
/// cell, a variable only after its declaration. Lookup is lexical (swift-syntax's): parameters, local
/// declarations, closure parameters, members (`x.name`) and a type's own members are not uses of a
/// global, and a name an earlier cell declares is never reported.
struct LaterDeclarations {
    /// A use of a name before its declaration.
    struct Use {
        /// The cell that uses the name.
        var cell: Cell
        var name: String
        var position: AbsolutePosition
        /// The cell that declares it; the using cell itself when the declaration comes later in it.
        var declaringCell: Cell
        /// The notebook line of the declaration, for a use in the declaring cell.
        var declarationLine: Int?

        /// What is wrong, like Jupyter's `NameError`. The declaring cell is named by its fence line,
        /// or, with `cellPlace` (`cell 3`), as a stored output names it.
        func message(cellPlace: String?) -> String {
            if let declarationLine {
                let place = cellPlace == nil ? "on line \(declarationLine)" : "at cell:\(declarationLine - cell.codeLine + 1)"
                return "name '\(name)' is used before its declaration \(place)"
            }
            return "name '\(name)' is not defined yet: it is declared later, in \(cellPlace ?? "the cell at line \(declaringCell.fenceLine)") "
                + "(cells run from top to bottom)"
        }
    }

    /// The syntax of the cells in program order; `compile-fail` cells, whose code never runs, are not among them.
    let cells: [CellSyntax]

    /// The uses in the first cell that has any, in source order; empty when there is none.
    func firstUses() -> [Use] {
        let declarations = cells.map(TopLevelNames.init)
        // Where each name is first declared for the cells after it to see; a `should-fail` cell runs in a
        // closure, so what it declares stays there.
        var firstDeclaration: [String: Int] = [:]
        for (position, names) in declarations.enumerated().reversed() where !cells[position].cell.options.shouldFail {
            for name in names.all { firstDeclaration[name] = position }
        }
        for (position, syntax) in cells.enumerated() {
            let own = declarations[position]
            let uses = References(in: syntax.tree).all.compactMap { reference -> Use? in
                let name = reference.name
                if let declaring = firstDeclaration[name], declaring > position, !own.all.contains(name) {
                    guard !isBoundLocally(reference) else { return nil }
                    return Use(cell: syntax.cell, name: name, position: reference.position, declaringCell: cells[declaring].cell)
                }
                if let variable = own.variables[name], reference.position < variable, reference.runsAtTopLevel,
                   firstDeclaration[name].map({ $0 >= position }) ?? true {
                    guard !isBoundLocally(reference) else { return nil }
                    return Use(cell: syntax.cell, name: name, position: reference.position, declaringCell: syntax.cell,
                               declarationLine: syntax.cell.codeLine + syntax.tree.lineOffset(of: variable))
                }
                return nil
            }
            if !uses.isEmpty { return uses }
        }
        return []
    }

    /// Whether lexical lookup binds `reference` inside its own cell: a parameter, a local, a closure
    /// parameter, or possibly a member of an enclosing type (an extension's or a subclass's members are unknown).
    private func isBoundLocally(_ reference: References.Reference) -> Bool {
        reference.node.lookup(reference.identifier).contains { result in
            switch result {
            case .fromScope(_, let names):
                return !names.isEmpty
            case .lookForMembers(let scope):
                return TopLevelNames.mayHaveMember(reference.name, scope)
            case .lookForGenericParameters, .lookForImplicitClosureParameters:
                return false
            }
        }
    }
}

/// The names a cell declares at its top level, where the next cells see them.
private struct TopLevelNames {
    /// Functions, types and variables.
    var all = Set<String>()
    /// Variables (and `guard` bindings) with the position of their first declaration.
    var variables: [String: AbsolutePosition] = [:]

    init(_ syntax: CellSyntax) {
        for statement in syntax.tree.statements {
            switch statement.item {
            case .decl(let declaration):
                if let variable = declaration.as(VariableDeclSyntax.self) {
                    for binding in variable.bindings {
                        for identifier in Self.identifiers(in: binding.pattern) { addVariable(identifier) }
                    }
                } else if let name = Self.declaredName(of: declaration) {
                    all.insert(name)
                }
            case .stmt(let statement):
                guard let guardStatement = statement.as(GuardStmtSyntax.self) else { continue }
                for condition in guardStatement.conditions {
                    if let binding = condition.condition.as(OptionalBindingConditionSyntax.self) {
                        for identifier in Self.identifiers(in: binding.pattern) { addVariable(identifier) }
                    }
                }
            case .expr:
                continue
            }
        }
    }

    private mutating func addVariable(_ identifier: TokenSyntax) {
        let name = identifier.identifierName
        all.insert(name)
        if variables[name] == nil { variables[name] = identifier.positionAfterSkippingLeadingTrivia }
    }

    /// The name a function or type declaration introduces.
    static func declaredName(of declaration: DeclSyntax) -> String? {
        if let function = declaration.as(FunctionDeclSyntax.self) { return function.name.identifierName }
        if let type = declaration.asProtocol(NamedDeclSyntax.self),
           declaration.is(StructDeclSyntax.self) || declaration.is(ClassDeclSyntax.self) || declaration.is(EnumDeclSyntax.self)
            || declaration.is(ActorDeclSyntax.self) || declaration.is(ProtocolDeclSyntax.self) || declaration.is(TypeAliasDeclSyntax.self) {
            return type.name.identifierName
        }
        return nil
    }

    static func identifiers(in pattern: PatternSyntax) -> [TokenSyntax] {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) { return [identifier.identifier] }
        if let tuple = pattern.as(TuplePatternSyntax.self) { return tuple.elements.flatMap { identifiers(in: $0.pattern) } }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) { return identifiers(in: binding.pattern) }
        return []
    }

    /// Whether code inside `scope` (a type or an extension) may mean its member `name`: always for an
    /// extension, a protocol or a type that inherits (their members are not all in sight), else when the
    /// type declares it.
    static func mayHaveMember(_ name: String, _ scope: Syntax) -> Bool {
        if scope.is(ExtensionDeclSyntax.self) || scope.is(ProtocolDeclSyntax.self) { return true }
        guard let group = scope.asProtocol(DeclGroupSyntax.self) else { return true }
        if group.inheritanceClause != nil { return true }
        return group.memberBlock.members.contains { member in
            let declaration = member.decl
            if let variable = declaration.as(VariableDeclSyntax.self) {
                return variable.bindings.contains { identifiers(in: $0.pattern).contains { $0.identifierName == name } }
            }
            if let enumCase = declaration.as(EnumCaseDeclSyntax.self) {
                return enumCase.elements.contains { $0.name.identifierName == name }
            }
            return declaredName(of: declaration) == name
        }
    }
}

/// The unqualified names a cell's code refers to: `later` in `later + 1`, `f()` or `let x: Later`,
/// but not members (`x.later`, `.later`), argument labels or key path components.
private struct References {
    struct Reference {
        var node: Syntax
        var name: String
        var identifier: Identifier
        var position: AbsolutePosition
        /// Whether the reference runs where it is written, at the cell's top level, as opposed to
        /// inside a function, a closure, a type or a computed property's body, which may run after
        /// later statements.
        var runsAtTopLevel: Bool
    }

    private(set) var all: [Reference] = []

    init(in tree: SourceFileSyntax) {
        let visitor = Visitor()
        visitor.walk(tree)
        all = visitor.references
    }

    private final class Visitor: SyntaxVisitor {
        var references: [Reference] = []

        init() { super.init(viewMode: .sourceAccurate) }

        override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
            guard case .identifier = node.baseName.tokenKind else { return .visitChildren }
            if let member = node.parent?.as(MemberAccessExprSyntax.self), member.declName.id == node.id { return .visitChildren }
            if node.parent?.is(KeyPathPropertyComponentSyntax.self) == true { return .visitChildren }
            add(Syntax(node), node.baseName)
            return .visitChildren
        }

        override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind {
            if case .identifier = node.name.tokenKind { add(Syntax(node), node.name) }
            return .visitChildren
        }

        private func add(_ node: Syntax, _ name: TokenSyntax) {
            guard let identifier = Identifier(name) else { return }
            let deferred = node.ancestorOrSelf { ancestor in
                ancestor.is(FunctionDeclSyntax.self) || ancestor.is(InitializerDeclSyntax.self)
                    || ancestor.is(AccessorBlockSyntax.self) || ancestor.is(DeinitializerDeclSyntax.self)
                    || ancestor.is(SubscriptDeclSyntax.self) || ancestor.is(ClosureExprSyntax.self)
                    || ancestor.asProtocol(DeclGroupSyntax.self) != nil
                    ? ancestor : nil
            }
            references.append(Reference(node: node, name: name.identifierName, identifier: identifier,
                                        position: name.positionAfterSkippingLeadingTrivia, runsAtTopLevel: deferred == nil))
        }
    }
}

extension TokenSyntax {
    /// The identifier's name without backticks.
    var identifierName: String { identifier?.name ?? text }
}

extension SourceFileSyntax {
    /// The 0-based line of `position`.
    func lineOffset(of position: AbsolutePosition) -> Int {
        SourceLocationConverter(fileName: "", tree: self).location(for: position).line - 1
    }
}
