import XCTest
import Folio
@testable import FolioSite

final class HTMLHeadingSlugTests: XCTestCase {
    func testSlugsFollowGitHub() {
        var slugger = HeadingSlugger()
        XCTAssertEqual(slugger.slug(for: "Hello, World!"), "hello-world")
        XCTAssertEqual(slugger.slug(for: "임베딩 레이어는 컴퓨터가 알아먹는 단어사전이다."), "임베딩-레이어는-컴퓨터가-알아먹는-단어사전이다")
        XCTAssertEqual(slugger.slug(for: "snake_case and dash-case"), "snake_case-and-dash-case")
        XCTAssertEqual(slugger.slug(for: "Café 2.0"), "café-20")
    }

    func testRepeatedHeadingsAreNumbered() {
        var slugger = HeadingSlugger()
        XCTAssertEqual(["Intro", "Intro", "intro", "Intro-1"].map { slugger.slug(for: $0) },
                       ["intro", "intro-1", "intro-2", "intro-1-1"])
    }

    func testHeadingWithoutWordsStillGetsAnId() {
        var slugger = HeadingSlugger()
        XCTAssertEqual(slugger.slug(for: "?!"), "section-1")
        XCTAssertEqual(slugger.slug(for: "..."), "section-2")
    }
}
