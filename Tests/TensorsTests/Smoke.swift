import XCTest

final class TensorsTestsSmoke: XCTestCase {}
