@testable import FolioPreview
import Foundation
import XCTest

final class SitePathTests: XCTestCase {
    private var root: URL!
    private var site: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-site-\(UUID().uuidString)")
        site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("posts"), withIntermediateDirectories: true)
        try Data("index".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("post".utf8).write(to: site.appendingPathComponent("posts/a b.html"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("escape.txt"),
                                                   withDestinationURL: root.appendingPathComponent("secret.txt"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func resolve(_ path: String) throws -> String {
        try SitePath(requestPath: path, site: site).file.lastPathComponent
    }

    func testServesFilesAndFolderIndexes() throws {
        XCTAssertEqual(try resolve("/"), "index.html")
        XCTAssertEqual(try resolve("/index.html"), "index.html")
        XCTAssertEqual(try resolve("/posts/a%20b.html"), "a b.html")
    }

    func testRefusesEveryWayOut() {
        for path in ["/../secret.txt", "/posts/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                     "/posts/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/./index.html", "/escape.txt", "/%zz"] {
            XCTAssertThrowsError(try SitePath(requestPath: path, site: site), path) { error in
                XCTAssertEqual(error as? SitePath.Refusal, .outsideSite, path)
            }
        }
    }

    func testMissingFileInsideTheSiteIsNotFound() {
        XCTAssertThrowsError(try SitePath(requestPath: "/posts/missing.html", site: site)) { error in
            XCTAssertEqual(error as? SitePath.Refusal, .notFound)
        }
        XCTAssertThrowsError(try SitePath(requestPath: "//etc/passwd", site: site)) { error in
            XCTAssertEqual(error as? SitePath.Refusal, .notFound, "an absolute path stays under the site")
        }
    }
}
