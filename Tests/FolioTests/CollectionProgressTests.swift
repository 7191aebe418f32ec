import Folio
import XCTest

final class CollectionProgressTests: XCTestCase {
    private final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func write(_ string: String) { lock.withLock { text += string } }
        var written: String { lock.withLock { text } }
    }

    func testLinesStyleWritesOnePlainLinePerNotebookInBatchOrder() {
        let sink = Sink()
        let log = ProgressLog(style: .lines, write: { sink.write($0) })
        log.started("a.md", position: 0, of: 3)
        log.started("b.md", position: 1, of: 3)
        log.finished("b.md", position: 1, disposition: .cached, duration: .milliseconds(4), done: 1, of: 3)
        XCTAssertEqual(sink.written, "", "b.md waits for a.md")
        log.started("c.md", position: 2, of: 3)
        log.finished("a.md", position: 0, disposition: .failed, duration: .milliseconds(1_250), done: 2, of: 3)
        log.finished("c.md", position: 2, disposition: .ran, duration: .milliseconds(10), done: 3, of: 3)
        XCTAssertEqual(sink.written, "[1/3] FAILED a.md (1.25 s)\n[2/3] cached b.md (0.00 s)\n[3/3] ran c.md (0.01 s)\n")
    }

    func testLiveStyleRedrawsAStatusLineUnderTheFinishedLines() {
        let sink = Sink()
        let log = ProgressLog(style: .live, write: { sink.write($0) })
        log.started("a.md", position: 0, of: 2)
        log.started("b.md", position: 1, of: 2)
        log.finished("a.md", position: 0, disposition: .ran, duration: .milliseconds(100), done: 1, of: 2)
        log.finished("b.md", position: 1, disposition: .ran, duration: .milliseconds(200), done: 2, of: 2)
        let clear = "\r\u{1B}[K"
        XCTAssertEqual(sink.written,
                       clear + "[0/2] running a.md"
                       + clear + "[0/2] running a.md (+1 more)"
                       + clear + "[1/2] ran a.md (0.10 s)\n" + "[1/2] running b.md"
                       + clear + "[2/2] ran b.md (0.20 s)\n")
    }
}
