import Folio
import XCTest

final class CollectionProgressTests: XCTestCase {
    private final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func write(_ string: String) { lock.withLock { text += string } }
        var written: String { lock.withLock { text } }
    }

    func testLinesStyleWritesOnePlainLinePerFinishedNotebook() {
        let sink = Sink()
        let log = ProgressLog(style: .lines, write: { sink.write($0) })
        log.started("a.md", of: 2)
        log.started("b.md", of: 2)
        log.finished("b.md", disposition: .cached, duration: .milliseconds(4), done: 1, of: 2)
        log.finished("a.md", disposition: .failed, duration: .milliseconds(1_250), done: 2, of: 2)
        XCTAssertEqual(sink.written, "[1/2] cached b.md (0.00 s)\n[2/2] FAILED a.md (1.25 s)\n")
    }

    func testLiveStyleRedrawsAStatusLineUnderTheFinishedLines() {
        let sink = Sink()
        let log = ProgressLog(style: .live, write: { sink.write($0) })
        log.started("a.md", of: 2)
        log.started("b.md", of: 2)
        log.finished("a.md", disposition: .ran, duration: .milliseconds(100), done: 1, of: 2)
        log.finished("b.md", disposition: .ran, duration: .milliseconds(200), done: 2, of: 2)
        let clear = "\r\u{1B}[K"
        XCTAssertEqual(sink.written,
                       clear + "[0/2] running a.md"
                       + clear + "[0/2] running a.md (+1 more)"
                       + clear + "[1/2] ran a.md (0.10 s)\n" + "[1/2] running b.md"
                       + clear + "[2/2] ran b.md (0.20 s)\n")
    }
}
