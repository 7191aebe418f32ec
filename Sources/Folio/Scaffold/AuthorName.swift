import Foundation

/// Who a new lesson is by: the author git would record, so lessons match their commits.
public enum AuthorName {
    /// `GIT_AUTHOR_NAME`, else `git config user.name`, else the login name (`USER`), else nil.
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment,
                               gitUserName: () -> String? = AuthorName.gitUserName) -> String? {
        [environment["GIT_AUTHOR_NAME"], gitUserName(), environment["USER"]]
            .lazy
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty }
    }

    /// `git config user.name`, or nil when git is missing or has no name set.
    public static func gitUserName() -> String? {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "config", "user.name"]
        let output = Pipe()
        git.standardOutput = output
        git.standardError = FileHandle.nullDevice
        do { try git.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        guard git.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
