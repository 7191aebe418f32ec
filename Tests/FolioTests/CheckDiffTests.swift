import Folio
import XCTest

final class CheckDiffTests: XCTestCase {
    func testEqualTextsHaveNoDiff() {
        XCTAssertEqual(UnifiedDiff(old: "a\nb\n", new: "a\nb\n", oldLabel: "x", newLabel: "y").text, "")
    }

    func testAChangedLineShowsAsRemovedAndAddedWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        XCTAssertEqual(UnifiedDiff(old: old, new: new, oldLabel: "nb.md:3 (stored)", newLabel: "nb.md:3 (actual)").text, """
            --- nb.md:3 (stored)
            +++ nb.md:3 (actual)
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    func testDistantChangesGetSeparateHunks() {
        let old = (1...20).map { "\($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "\n2\n", with: "\ntwo\n").replacingOccurrences(of: "\n19\n", with: "\nnineteen\n")
        let diff = UnifiedDiff(old: old, new: new, oldLabel: "a", newLabel: "b").text
        XCTAssertEqual(diff.components(separatedBy: "\n").filter { $0.hasPrefix("@@") },
                       ["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"])
    }

    func testMissingOutputDiffsAgainstNothing() {
        XCTAssertEqual(UnifiedDiff(old: "", new: "hello\n", oldLabel: "a", newLabel: "b").text,
                       "--- a\n+++ b\n@@ -0,0 +1 @@\n+hello\n")
    }

    func testLinesEqualUnderTheComparisonAreContext() {
        let comparison = OutputComparison()
        let diff = UnifiedDiff(old: "0.123456\nx\n", new: "0.123457\ny\n", oldLabel: "a", newLabel: "b",
                               same: comparison.matches)
        XCTAssertEqual(diff.text, "--- a\n+++ b\n@@ -1,2 +1,2 @@\n 0.123457\n-x\n+y\n")
    }
}
