import Foundation
import XCTest

/// Notebook programs find the C modules `Tensors` imports through the copies Folio ships as
/// resources (`Sources/Folio/Resources/CModules`); each must stay the same as the target that
/// `Tensors` is built against.
final class ToolchainModuleMapTests: XCTestCase {
    private let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources").standardized

    func testShippedCBLASModuleIsTheSystemLibraryTargetsOwn() throws {
        try assertShippedCopy(of: "CBLAS", files: ["module.modulemap", "shim.h"])
    }

    func testShippedCKernelsModuleIsTheCTargetsOwn() throws {
        let headers = try FileManager.default.contentsOfDirectory(atPath: sources.appendingPathComponent("CKernels/include").path)
        XCTAssertTrue(headers.contains("module.modulemap"))
        try assertShippedCopy(of: "CKernels/include", as: "CKernels", files: headers.sorted())
    }

    private func assertShippedCopy(of folder: String, as module: String? = nil, files: [String],
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        let shippedFolder = "Folio/Resources/CModules/" + (module ?? folder)
        for name in files {
            let target = try String(contentsOf: sources.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8)
            let shipped = try String(contentsOf: sources.appendingPathComponent("\(shippedFolder)/\(name)"), encoding: .utf8)
            XCTAssertEqual(shipped, target, "Sources/\(shippedFolder)/\(name) differs from Sources/\(folder)/\(name)",
                           file: file, line: line)
        }
    }
}
