#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

extension __Folio {
    /// Runs a `should-fail` cell in a forked child so that its trap, its thrown error and its
    /// effects stay there: the parent waits, reports how the child ended, and goes on with the
    /// next cell. A thrown error is printed the way an uncaught error would be described.
    public static func expectFailure(cell index: Int, _ body: () throws -> Void) {
        fflush(stdout)
        fflush(stderr)
        let child = fork()
        if child == 0 {
            do {
                try body()
            } catch {
                fputs("Uncaught error: \(error)\n", stderr)
                _exit(1)
            }
            fflush(stdout)
            _exit(0)
        }
        var status: Int32 = 0
        while child > 0 && waitpid(child, &status, 0) < 0 && errno == EINTR {}
        let completed = child > 0 && exitedNormally(status) && exitCode(status) == 0
        Session.channel?.send("expected-failure \(index) \(completed ? "completed" : "failed")\n")
    }

    private static func exitedNormally(_ status: Int32) -> Bool { status & 0x7f == 0 }
    private static func exitCode(_ status: Int32) -> Int32 { (status >> 8) & 0xff }
}
