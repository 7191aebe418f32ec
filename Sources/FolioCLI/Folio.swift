import ArgumentParser
import Folio
import Foundation

/// The `folio` executable: parses the command line and hands over to a subcommand.
///
/// Exit codes: 0 ok, 1 stale or failing notebooks, 2 bad usage or input.
@main
struct FolioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Run, check and render Markdown notebooks of Swift code.",
        subcommands: [Run.self, Check.self, Render.self, Preview.self, New.self, Export.self, Clean.self, Prune.self]
    )

    /// Usage errors exit with 2, not ArgumentParser's 64, so that CI tells them from stale notebooks (1).
    static func main() async {
        // Nothing folio starts outlives it: Ctrl-C and SIGTERM kill the programs and remove the
        // temporary folders; those of a folio that was killed are swept here.
        Leftovers.removeOnSignals()
        Leftovers.removeStale()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let diagnostic as any Diagnosed {
            Console.note(diagnostic.description)
            Foundation.exit(ExitCode.badInput.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitCode.badInput.rawValue)
        }
    }
}

extension ExitCode {
    /// Outputs are stale or a cell failed.
    static let stale = ExitCode(1)
    /// Bad usage or input: nothing was run or written.
    static let badInput = ExitCode(2)
}
