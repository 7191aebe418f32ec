import XCTest

final class FolioTestsSmoke: XCTestCase {}
