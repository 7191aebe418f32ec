/// The limits a notebook program runs under, sandboxed or not; each has a flag that raises it.
public struct ResourceLimits: Hashable, Sendable {
    /// Bytes of address space a program's process may use (`--memory-limit`).
    public static let defaultMemory: UInt64 = 4 << 30
    /// Processes and threads a sandboxed program may run at once (`--process-limit`).
    public static let defaultProcesses = 512

    public var memory: UInt64
    public var processes: Int
    /// What a cell's stored output keeps (`--output-limit`, or the cell option `output-limit=`).
    public var output: OutputLimit

    public init(memory: UInt64 = ResourceLimits.defaultMemory, processes: Int = ResourceLimits.defaultProcesses,
                output: OutputLimit = OutputLimit()) {
        self.memory = memory
        self.processes = processes
        self.output = output
    }

    /// Bytes the program may write to one file, its output file included: stops a cell that prints
    /// without end long before the disk fills (the stored output keeps far less anyway).
    var fileSize: UInt64 { max(256 << 20, UInt64(output.bytes) * 64) }

    /// The arguments of `prlimit` (util-linux) that set these limits on the program it starts.
    /// The process limit counts processes per user, so it is only set inside a sandbox's own user namespace.
    func prlimitArguments(_ prlimit: String, countingProcesses: Bool) -> [String] {
        [prlimit, "--as=\(memory)", "--fsize=\(fileSize)"] + (countingProcesses ? ["--nproc=\(processes)"] : []) + ["--"]
    }

    /// Parses a size such as `4G`, `512M`, `64k` or a number of bytes (powers of 1024).
    public static func bytes(_ text: String) -> UInt64? {
        let units: [Character: UInt64] = ["k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40]
        var digits = Substring(text.lowercased())
        if digits.hasSuffix("ib") { digits = digits.dropLast(2) } else if digits.hasSuffix("b") { digits = digits.dropLast() }
        var scale: UInt64 = 1
        if let unit = digits.last, let factor = units[unit] {
            scale = factor
            digits = digits.dropLast()
        }
        guard let value = Double(digits), value > 0, value.isFinite, value * Double(scale) < 0x1p63 else { return nil }
        return UInt64(value * Double(scale))
    }

    /// `4 GiB`, `512 MiB`, as messages write a size.
    static func describe(bytes: UInt64) -> String {
        for (unit, size) in [("TiB", UInt64(1) << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size {
            let value = Double(bytes) / Double(size)
            let tenths = Int((value * 10).rounded())
            return tenths % 10 == 0 ? "\(tenths / 10) \(unit)" : "\(tenths / 10).\(tenths % 10) \(unit)"
        }
        return "\(bytes) bytes"
    }
}
