import XCTest

final class FolioCLITestsSmoke: XCTestCase {}
