import Folio
import Foundation
import XCTest

final class ExportTests: XCTestCase {
    private let markdown = """
        ---
        title: Embeddings
        author: Ada
        tags: keras rnn
        seed: 7
        ---

        # Embeddings

        Some prose.

        ```swift
        let x = 1
        print(x)
        ```

        ```output
        1
        ```

        Between.

        ```swift should-fail hide-code
        fatalError("boom")
        ```

        ```output
        lesson.md:22: Fatal error: boom
        ```

        ```swift ignore
        not swift at all
        ```

        The end.

        """

    private func document() throws -> Document {
        try Document(path: "lesson.md", bytes: Array(markdown.utf8))
    }

    private func object(_ value: JSONValue?) -> [String: JSONValue] {
        guard case .object(let members)? = value else { XCTFail("not an object: \(String(describing: value))"); return [:] }
        return members
    }

    private func array(_ value: JSONValue?) -> [JSONValue] {
        guard case .array(let items)? = value else { XCTFail("not an array: \(String(describing: value))"); return [] }
        return items
    }

    private func cells(_ notebook: JupyterNotebook) -> [[String: JSONValue]] {
        array(object(notebook.json)["cells"]).map { object($0) }
    }

    func testProseBecomesMarkdownCellsAndSwiftBecomesNumberedCodeCells() throws {
        let cells = cells(JupyterNotebook(document: try document()))
        XCTAssertEqual(cells.map { $0["cell_type"] }, [.string("markdown"), .string("code"), .string("markdown"),
                                                       .string("code"), .string("code"), .string("markdown")])
        XCTAssertEqual(cells[0]["source"], .array([.string("# Embeddings\n"), .string("\n"), .string("Some prose.")]))
        XCTAssertEqual(cells[1]["source"], .array([.string("let x = 1\n"), .string("print(x)")]))
        XCTAssertEqual(cells[1]["execution_count"], .int(1))
        XCTAssertEqual(cells[3]["execution_count"], .int(2))
        XCTAssertEqual(cells[4]["execution_count"], .null, "ignore cells never run")
        XCTAssertEqual(cells[5]["source"], .array([.string("The end.")]))
        XCTAssertEqual(Set(cells.map { $0["id"] }).count, cells.count, "ids are unique")
    }

    func testStoredOutputsBecomeStreamAndExpectedFailuresBecomeErrors() throws {
        let cells = cells(JupyterNotebook(document: try document()))
        XCTAssertEqual(cells[1]["outputs"], .array([.object([
            "output_type": .string("stream"), "name": .string("stdout"), "text": .array([.string("1\n")]),
        ])]))
        let error = object(array(cells[3]["outputs"]).first)
        XCTAssertEqual(error["output_type"], .string("error"))
        XCTAssertEqual(error["ename"], .string("RuntimeError"))
        XCTAssertEqual(error["evalue"], .string("lesson.md:22: Fatal error: boom"))
        XCTAssertEqual(array(cells[4]["outputs"]), [])
    }

    func testCellOptionsBecomeJupyterMetadata() throws {
        let cells = cells(JupyterNotebook(document: try document()))
        let metadata = object(cells[3]["metadata"])
        XCTAssertEqual(metadata["tags"], .array([.string("raises-exception")]))
        XCTAssertEqual(metadata["jupyter"], .object(["source_hidden": .bool(true)]))
        XCTAssertEqual(metadata["folio"], .object(["options": .array([.string("should-fail"), .string("hide-code")])]))
        XCTAssertEqual(cells[1]["metadata"], .object([:]))
    }

    func testFrontMatterBecomesNotebookMetadata() throws {
        let metadata = object(object(JupyterNotebook(document: try document()).json)["metadata"])
        XCTAssertEqual(metadata["title"], .string("Embeddings"))
        XCTAssertEqual(metadata["authors"], .array([.object(["name": .string("Ada")])]))
        XCTAssertEqual(object(metadata["kernelspec"])["name"], .string("swift"))
        XCTAssertEqual(object(metadata["kernelspec"])["display_name"], .string("Swift"))
        XCTAssertEqual(object(metadata["language_info"])["name"], .string("swift"))
        let frontMatter = object(object(metadata["folio"])["front_matter"])
        XCTAssertEqual(frontMatter["seed"], .string("7"))
        XCTAssertEqual(frontMatter["tags"], .string("keras rnn"))
    }

    func testFreshResultsReplaceStoredOutputsWithDisplaysAndFailures() throws {
        let results = [
            CellResult(status: .ok, text: "x:\n[[1 2]]\n", displays: [.init(range: 3..<11, html: "<table>t</table>")]),
            CellResult(status: .failed(message: "lesson.md:22: did not fail"), text: "partial\n"),
            CellResult(status: .notRun, text: ""),
        ]
        let cells = cells(JupyterNotebook(document: try document(), results: results))
        let outputs = array(cells[1]["outputs"]).map { object($0) }
        XCTAssertEqual(outputs.map { $0["output_type"] }, [.string("stream"), .string("display_data")])
        XCTAssertEqual(outputs[0]["text"], .array([.string("x:\n")]))
        XCTAssertEqual(object(outputs[1]["data"])["text/html"], .array([.string("<table>t</table>")]))
        XCTAssertEqual(object(outputs[1]["data"])["text/plain"], .array([.string("[[1 2]]\n")]))
        let failed = array(cells[3]["outputs"]).map { object($0) }
        XCTAssertEqual(failed.map { $0["output_type"] }, [.string("stream"), .string("error")])
        XCTAssertEqual(failed[1]["evalue"], .string("lesson.md:22: did not fail"))
    }

    func testExportIsByteForByteDeterministic() throws {
        let first = try JupyterNotebook(document: try document()).fileContents()
        let second = try JupyterNotebook(document: try document()).fileContents()
        XCTAssertEqual(first, second)
    }

    /// The acceptance test: Jupyter's own validator accepts the file.
    func testNbformatValidatesTheExport() throws {
        try validateWithNbformat(try JupyterNotebook(document: try document()).fileContents())
    }

    func testMathStaysAsDollarsAndMathBlocksBecomeDisplayMath() throws {
        let document = try parse("Gates $h_{t-1} = \\{ x \\}$ and\n\n$$\na \\\\ b\n$$\n\n```math\n\\frac{a}{b}\n```\n\nEnd.\n")
        let cells = cells(JupyterNotebook(document: document))
        XCTAssertEqual(cells.count, 1)
        XCTAssertEqual(cells[0]["source"], .array([
            .string("Gates $h_{t-1} = \\{ x \\}$ and\n"), .string("\n"), .string("$$\n"), .string("a \\\\ b\n"), .string("$$\n"),
            .string("\n"), .string("$$\n"), .string("\\frac{a}{b}\n"), .string("$$\n"), .string("\n"), .string("End."),
        ]))
    }
}

/// Fails the test unless Jupyter's own validator (python's nbformat) accepts `data` as nbformat 4.5.
func validateWithNbformat(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws {
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", """
        import sys
        try:
            import nbformat
        except ImportError:
            sys.exit(3)
        notebook = nbformat.reads(sys.stdin.read(), as_version=nbformat.NO_CONVERT)
        nbformat.validate(notebook)
        assert notebook.nbformat == 4 and notebook.nbformat_minor == 5
        """]
    let input = Pipe()
    let errors = Pipe()
    python.standardInput = input
    python.standardError = errors
    try python.run()
    input.fileHandleForWriting.write(data)
    try input.fileHandleForWriting.close()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    python.waitUntilExit()
    if python.terminationStatus == 3 {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            return XCTFail("python nbformat is missing; scripts/install-deps installs it", file: file, line: line)
        }
        throw XCTSkip("python nbformat is not installed (pip install nbformat)")
    }
    XCTAssertEqual(python.terminationStatus, 0, message, file: file, line: line)
}
