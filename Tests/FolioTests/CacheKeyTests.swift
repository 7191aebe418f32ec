import Folio
import XCTest

final class CacheKeyTests: XCTestCase {
    private func cell(_ index: Int, _ code: String, line: Int, options: [Substring] = []) throws -> Cell {
        Cell(index: index, code: code, options: try CellOptions(words: options), fenceLine: line, codeLine: line + 1,
             range: line * 10..<line * 10 + 5, output: nil)
    }

    private func key(_ cells: [Cell], seed: UInt64 = 7, toolchain: String = "swift-6.3.1 runtime-abc -O") -> CacheKey {
        CacheKey(cells: cells, seed: seed, toolchain: toolchain)
    }

    func testProseEditThatMovesCellsIsAHit() throws {
        let before = [try cell(0, "let a = 1\n", line: 5), try cell(1, "print(a)\n", line: 12)]
        let after = [try cell(0, "let a = 1\n", line: 9), try cell(1, "print(a)\n", line: 30)]
        XCTAssertEqual(key(before), key(after))
    }

    func testEditingACellsCodeIsAMiss() throws {
        let before = [try cell(0, "let a = 1\n", line: 5), try cell(1, "print(a)\n", line: 12)]
        let after = [try cell(0, "let a = 2\n", line: 5), try cell(1, "print(a)\n", line: 12)]
        XCTAssertNotEqual(key(before), key(after))
    }

    func testMovingCodeAcrossACellBoundaryIsAMiss() throws {
        let joined = [try cell(0, "let a = 1\nprint(a)\n", line: 5)]
        let split = [try cell(0, "let a = 1\n", line: 5), try cell(1, "print(a)\n", line: 9)]
        XCTAssertNotEqual(key(joined), key(split))
    }

    func testExecutionOptionsChangeTheKeyAndDisplayOptionsDoNot() throws {
        let plain = key([try cell(0, "fatalError()\n", line: 1)])
        XCTAssertNotEqual(plain, key([try cell(0, "fatalError()\n", line: 1, options: ["should-fail"])]))
        XCTAssertNotEqual(plain, key([try cell(0, "fatalError()\n", line: 1, options: ["compile-fail"])]))
        XCTAssertNotEqual(plain, key([try cell(0, "fatalError()\n", line: 1, options: ["timeout=3"])]))
        XCTAssertEqual(plain, key([try cell(0, "fatalError()\n", line: 1, options: ["hide-code", "hide-output"])]))
    }

    func testIgnoreCellsDoNotChangeTheKey() throws {
        let without = [try cell(0, "print(1)\n", line: 1)]
        let with = [try cell(0, "print(1)\n", line: 1), try cell(1, "this does not compile\n", line: 8, options: ["ignore"])]
        XCTAssertEqual(key(without), key(with))
    }

    func testSeedAndToolchainChangeTheKey() throws {
        let cells = [try cell(0, "print(1)\n", line: 1)]
        XCTAssertNotEqual(key(cells, seed: 1), key(cells, seed: 2))
        XCTAssertNotEqual(key(cells, toolchain: "swift-6.3.1 -O"), key(cells, toolchain: "swift-6.3.1 -Onone"))
    }

    func testFieldBoundariesAreUnambiguous() throws {
        // Without length prefixes these two would encode the same bytes.
        let a = [try cell(0, "x\ncell 1\ny", line: 1)]
        let b = [try cell(0, "x", line: 1), try cell(1, "y", line: 5)]
        XCTAssertNotEqual(key(a), key(b))
    }

    func testDigestIsTheDocumentedEncodingSoItIsStableAcrossMachines() throws {
        // Computed independently (Python hashlib) from the encoding CacheKey documents. If this
        // changes, every stored cache is invalid: bump CacheKey.formatVersion with it.
        let digest = key([try cell(0, "print(\"hi\")\n", line: 3)], seed: 42, toolchain: "t").digest
        XCTAssertEqual(digest, "19c66bedde8cd8979a9d934bda42ad195cd547e1fb9e7da1e2f800f6215647ee")
    }
}
