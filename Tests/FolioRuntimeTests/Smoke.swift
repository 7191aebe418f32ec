import XCTest

final class FolioRuntimeTestsSmoke: XCTestCase {}
