import Foundation
import Subprocess
import SystemPackage

/// The notebook line where a program trapped inside a library call (an array index out of range,
/// a forced unwrap of nil), found from the debug stack trace the Swift runtime prints.
///
/// Such traps name the library's file in their message, not the notebook's. Programs are compiled
/// with line tables and `#sourceLocation`, so the trace's first frame in the program executable
/// symbolizes to a line of the .md file.
enum CrashSite {
    /// The .md line of the innermost program frame in the stack trace in `output`, if any.
    static func line(in output: String, executable: String, fileName: String, symbolizer: String) async -> Int? {
        let image = URL(fileURLWithPath: executable).lastPathComponent
        let addresses = output.split(separator: "\n").compactMap { frame -> String? in
            let fields = frame.split(separator: " ")
            guard fields.count >= 4, Int(fields[0]) != nil, fields[1] == image,
                  fields[fields.count - 2] == "+", let offset = Int(fields[fields.count - 1]), offset > 0 else { return nil }
            // A return address: the call that trapped is the instruction before it.
            return "0x" + String(offset - 1, radix: 16)
        }
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
