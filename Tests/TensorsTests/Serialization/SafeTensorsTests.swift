import Foundation
import XCTest
import Tensors

final class SafeTensorsTests: XCTestCase {
    func testTensorsComeBackWithTheirNamesOrderDtypesShapesAndValues() throws {
        let tensors: [(name: String, tensor: Tensor)] = [
            ("lstm/kernel", Tensor(shape: [2, 3], scalars: [1, -2, 0.5, .infinity, -0.0, 3e-38])),
            ("embedding/embeddings", Tensor(shape: [1], scalars: [7])),
            ("ids", Tensor(shape: [2], integers: [-1, .max])),
        ]
        let decoded = try SafeTensors.decode(SafeTensors.encode(tensors))
        XCTAssertEqual(decoded.map(\.name), ["lstm/kernel", "embedding/embeddings", "ids"])
        XCTAssertEqual(decoded.map(\.tensor), tensors.map(\.tensor))
    }

    func testTheSameTensorsGiveTheSameBytesAndTheValuesStartOnAnEightByteBoundary() throws {
        let tensors: [(name: String, tensor: Tensor)] = [("b", Tensor(shape: [3], scalars: [1, 2, 3])), ("a", Tensor(shape: [], scalars: [4]))]
        let bytes = try SafeTensors.encode(tensors)
        XCTAssertEqual(bytes, try SafeTensors.encode(tensors))
        let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
        XCTAssertEqual(headerLength % 8, 0)
        XCTAssertEqual(bytes.count, 8 + headerLength + 16)
    }

    func testAFileWrittenByPythonsSafetensorsIsRead() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/python-weights", withExtension: "safetensors"))
        let decoded = try SafeTensors.decode(Data(contentsOf: url))
        XCTAssertEqual(decoded.map(\.name), ["dense/bias", "dense/kernel", "ids"], "no recorded order: sorted by name")
        XCTAssertEqual(decoded[0].tensor, Tensor(shape: [3], scalars: [-1.5, 0, 2.25]))
        XCTAssertEqual(decoded[1].tensor, Tensor(shape: [2, 3], scalars: [0, 0.25, 0.5, 0.75, 1, 1.25]))
        XCTAssertEqual(decoded[2].tensor, Tensor(shape: [2, 2], integers: [1, -2, 3, .max]))
    }

    func testDamagedFilesAreRefusedWithAReason() throws {
        let good = try SafeTensors.encode([("w", Tensor(shape: [2], scalars: [1, 2]))])
        for (damaged, reason) in [(good.prefix(5), "too short"), (good.prefix(good.count - 1), "does not fit"),
                                  (Data([255, 0, 0, 0, 0, 0, 0, 0]) + good.dropFirst(8), "header claims")] {
            XCTAssertThrowsError(try SafeTensors.decode(Data(damaged))) { error in
                XCTAssertTrue("\(error)".contains(reason), "\(error)")
            }
        }
        XCTAssertThrowsError(try SafeTensors.encode([("w", Tensor([1])), ("w", Tensor([2]))]))
    }
}
