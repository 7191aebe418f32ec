import Folio
import XCTest

/// Parses `text` as a notebook named `path`, failing the test with the parser's message on error.
func parse(_ text: String, path: String = "test.md", file: StaticString = #filePath, line: UInt = #line) throws -> Document {
    do {
        return try Document(path: path, bytes: Array(text.utf8))
    } catch {
        XCTFail("\(error)", file: file, line: line)
        throw error
    }
}

/// The error parsing `bytes` throws, failing the test when it parses.
func parseError(_ bytes: [UInt8], path: String = "test.md", file: StaticString = #filePath, line: UInt = #line) -> DocumentError? {
    do {
        _ = try Document(path: path, bytes: bytes)
        XCTFail("expected a DocumentError", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

func parseError(_ text: String, path: String = "test.md", file: StaticString = #filePath, line: UInt = #line) -> DocumentError? {
    parseError(Array(text.utf8), path: path, file: file, line: line)
}

extension Document {
    /// The bytes of `range` as text.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
