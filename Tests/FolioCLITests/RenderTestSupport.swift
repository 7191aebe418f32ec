import Foundation
import XCTest
@testable import FolioCLI

/// The fixture site: the seed post with stored outputs (`embedding.md`), its figure, and `outputs.md`.
func fixtureSite() throws -> URL {
    try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("site")
}

/// A fresh empty folder under the system's temporary directory.
func makeTemporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-render-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Runs `folio render ARGUMENTS` in process, as the root command would.
func runRender(_ arguments: [String]) async throws {
    let command = try Render.parse(arguments)
    try await command.run()
}
