#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The glibc function that fills `buffer` with the return addresses on the current stack. The Glibc
/// module does not import `<execinfo.h>`; this is its C signature, which the Swift calling convention
/// matches for pointer and integer arguments on Linux.
@_silgen_name("backtrace")
private func systemBacktrace(_ buffer: UnsafeMutablePointer<UnsafeMutableRawPointer?>, _ size: Int32) -> Int32

/// When the program traps or crashes, tells the executor where in the notebook's own code it was: the
/// stack's frames inside the program executable, as offsets from where it is loaded, in a
/// `crash-frames` record; the executor turns the innermost into a notebook line with the line tables.
///
/// The Swift runtime prints a stack trace only for traps in code compiled without optimisation, so a
/// trap inside the engine of a release build (an LSTM given a rank-2 tensor) would name no line at all.
/// This works the same in both: a signal handler takes the frames itself. It runs on its own stack
/// (so a stack overflow is reported too), allocates nothing, and then lets the signal kill the program
/// as before, so the executor sees the same ending.
enum CrashFrames {
    private static let capacity = 128
    nonisolated(unsafe) private static var frames = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: capacity)
    /// Room for `crash-frames` and `capacity` decimal offsets.
    nonisolated(unsafe) private static var record = UnsafeMutablePointer<UInt8>.allocate(capacity: 32 + capacity * 21)
    nonisolated(unsafe) private static var descriptor: Int32 = -1
    /// Where the program executable is mapped: its load address and the end of its last mapping.
    nonisolated(unsafe) private static var image: (base: UInt, end: UInt) = (0, 0)

    /// Installs the handler for the signals a trap or a crash raises, reporting on `channel`.
    static func install(reportingTo channel: ControlChannel) {
        guard let image = programImage() else { return }
        Self.image = image
        descriptor = channel.descriptor
        // backtrace() loads its unwinder on first use, and statics are initialised on first use: neither
        // may happen inside the handler, which must not allocate.
        _ = systemBacktrace(frames, Int32(capacity))
        record.initialize(repeating: 0, count: 32 + capacity * 21)
        var stack = stack_t()
        stack.ss_size = 1 << 16
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: stack.ss_size, alignment: 16)
        sigaltstack(&stack, nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in CrashFrames.report(signal) }
        action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_ONSTACK) | UInt32(truncatingIfNeeded: SA_RESETHAND))
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS] { sigaction(signal, &action, nil) }
    }

    /// Writes the record, then raises the signal again: SA_RESETHAND restored its default action, and
    /// it is delivered as the handler returns, ending the program as if there had been no handler
    /// (also for a SIGTRAP, after which the program would otherwise go on).
    private static func report(_ signal: Int32) {
        let count = Int(systemBacktrace(frames, Int32(capacity)))
        var length = 0
        for byte in "crash-frames".utf8 {
            record[length] = byte
            length += 1
        }
        for index in 0..<count {
            let address = UInt(bitPattern: frames[index])
            guard address >= image.base, address < image.end else { continue }
            record[length] = UInt8(ascii: " ")
            length += 1
            length += writeDecimal(address - image.base, at: record + length)
        }
        record[length] = UInt8(ascii: "\n")
        length += 1
        _ = write(descriptor, record, length)
        raise(signal)
    }

    /// Writes `value` in decimal at `destination`; returns the number of digits.
    private static func writeDecimal(_ value: UInt, at destination: UnsafeMutablePointer<UInt8>) -> Int {
        var digits = 1, rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var remaining = value
        for position in stride(from: digits - 1, through: 0, by: -1) {
            destination[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        return digits
    }

    /// The load address and end of the program executable's mappings, from `/proc/self/maps`.
    private static func programImage() -> (base: UInt, end: UInt)? {
        var executable = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &executable, executable.count - 1)
        guard length > 0, let maps = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(maps) }
        let path = String(decoding: executable[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var base: UInt?, end: UInt = 0
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, maps) > 0, let line {
            // `start-end perms offset device inode path`
            var text = String(cString: line)
            if text.hasSuffix("\n") { text.removeLast() }
            let fields = text.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[5...].joined(separator: " ") == path else { continue }
            let range = fields[0].split(separator: "-")
            guard range.count == 2, let start = UInt(range[0], radix: 16), let stop = UInt(range[1], radix: 16) else { continue }
            if fields[2] == "00000000" && base == nil { base = start }
            end = max(end, stop)
        }
        return base.map { ($0, end) }
    }
}
