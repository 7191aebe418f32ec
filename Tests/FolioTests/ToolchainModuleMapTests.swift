import Foundation
import XCTest

/// Notebook programs find the CBLAS C module through the copy Folio ships as a resource
/// (`Sources/Folio/Resources/CBLAS`); it must stay the same as the system-library target
/// `Sources/CBLAS` that `Tensors` is built against.
final class ToolchainModuleMapTests: XCTestCase {
    func testShippedCBLASModuleIsTheSystemLibraryTargetsOwn() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources").standardized
        for file in ["module.modulemap", "shim.h"] {
            let target = try String(contentsOf: sources.appendingPathComponent("CBLAS/\(file)"), encoding: .utf8)
            let shipped = try String(contentsOf: sources.appendingPathComponent("Folio/Resources/CBLAS/\(file)"), encoding: .utf8)
            XCTAssertEqual(shipped, target, "Sources/Folio/Resources/CBLAS/\(file) differs from Sources/CBLAS/\(file)")
        }
    }
}
