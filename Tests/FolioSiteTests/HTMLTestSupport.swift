import Foundation
import XCTest
import Folio
@testable import FolioSite

/// A fresh empty folder under the system's temporary directory, removed by `cleanup`.
func makeTemporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("folio-html-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

extension String {
    /// How many times `needle` occurs.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}

/// Parses `text` as a notebook named `path`, failing the test with the parser's message on error.
func parse(_ text: String, path: String = "test.md", file: StaticString = #filePath, line: UInt = #line) throws -> Document {
    do {
        return try Document(path: path, bytes: Array(text.utf8))
    } catch {
        XCTFail("\(error)", file: file, line: line)
        throw error
    }
}

extension Theme {
    /// The HTML of `page` as the only lesson of its course.
    func pageHTML(_ page: RenderedPage, siteTitle: String) -> String {
        pageHTML(page, siteTitle: siteTitle, navigation: CourseNavigation(pages: [page]).links(at: 0, in: [page]), hasMath: false)
    }
}
