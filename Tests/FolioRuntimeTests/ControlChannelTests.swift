@testable import FolioRuntime
import Foundation
import XCTest

final class ControlChannelTests: XCTestCase {
    private var controlPath: String!

    override func setUpWithError() throws {
        controlPath = FileManager.default.temporaryDirectory.appendingPathComponent("control-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: controlPath, contents: nil)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: controlPath)
        unsetenv(ControlChannel.environmentKey)
    }

    private func records() throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: controlPath)), as: UTF8.self)
    }

    func testTheChannelOpensTheFileNamedInTheEnvironmentAndHidesItFromCells() throws {
        setenv(ControlChannel.environmentKey, controlPath, 1)
        let channel = try XCTUnwrap(ControlChannel.fromEnvironment())
        XCTAssertNil(ProcessInfo.processInfo.environment[ControlChannel.environmentKey])
        channel.send("cell 0 0\n")
        channel.send("end 12\n")
        XCTAssertEqual(try records(), "cell 0 0\nend 12\n")
    }

    func testWithoutTheEnvironmentVariableThereIsNoChannel() {
        XCTAssertNil(ControlChannel.fromEnvironment())
    }

    func testARichDisplayRecordsTheByteRangeItPrintedAndItsHTML() throws {
        setenv(ControlChannel.environmentKey, controlPath, 1)
        Session.channel = ControlChannel.fromEnvironment()
        defer { Session.channel = nil }
        let start = Session.outputOffset()
        Session.display(html: "<b>\n</b>") { print("", terminator: "") }
        XCTAssertEqual(try records(), "display \(start) \(start) 8\n<b>\n</b>\n")
    }

    func testADisplayWithoutHTMLRecordsNothing() throws {
        setenv(ControlChannel.environmentKey, controlPath, 1)
        Session.channel = ControlChannel.fromEnvironment()
        defer { Session.channel = nil }
        var ran = false
        Session.display(html: nil) { ran = true }
        XCTAssertTrue(ran)
        XCTAssertEqual(try records(), "")
    }
}
