import Foundation
import Subprocess
import SystemPackage

/// The notebook lines where a program trapped or crashed inside a library call (an array index out of
/// range, an engine precondition), found from the frames the runtime's crash handler reports.
///
/// Such traps name the library's file in their message, not the notebook's. Programs are compiled
/// with line tables and `#sourceLocation`, so the innermost frame in the program executable that has
/// a line of the .md file is the notebook code that made the call, in debug and release builds alike.
enum CrashSite {
    /// The .md line of each cell whose code trapped or crashed, by cell index: a `should-fail` cell's
    /// child reports its own frames, the failing cell the program's last.
    static func lines(in records: [ControlRecord], executable: String, fileName: String, symbolizer: String) async -> [Int: Int] {
        var cell: Int?
        var lines: [Int: Int] = [:]
        for record in records {
            switch record {
            case .cell(let index, _):
                cell = index
            case .crashFrames(let offsets):
                if let cell, let line = await line(of: offsets, executable: executable, fileName: fileName, symbolizer: symbolizer) {
                    lines[cell] = line
                }
            default:
                continue
            }
        }
        return lines
    }

    /// The .md line of the innermost of `offsets` (frames in `executable`) that has one.
    private static func line(of offsets: [Int], executable: String, fileName: String, symbolizer: String) async -> Int? {
        // Return addresses: the call is the instruction before each (the faulting frame's own address
        // then points one byte early, which is still inside its instruction's line).
        let addresses = offsets.filter { $0 > 0 }.map { "0x" + String($0 - 1, radix: 16) }
        guard !addresses.isEmpty, let result = try? await Subprocess.run(
            .path(FilePath(symbolizer)), arguments: Arguments(["--obj=" + executable] + addresses),
            output: .string(limit: 1 << 20)) else { return nil }
        // One block per address: the function name, then `file:line:column`.
        for location in result.standardOutput.split(separator: "\n") where location.contains(":") {
            let parts = location.split(separator: ":")
            if parts.count >= 3, URL(fileURLWithPath: String(parts[0])).lastPathComponent == fileName,
               let line = Int(parts[1]) {
                return line
            }
        }
        return nil
    }
}
