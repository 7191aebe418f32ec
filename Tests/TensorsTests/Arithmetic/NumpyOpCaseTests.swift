import Foundation
import Tensors
import XCTest

/// Runs every case of Fixtures/op_cases.json (made by make_op_fixtures.py) through the
/// engine and compares with numpy's result: layout ops exactly, arithmetic within 1e-5.
final class NumpyOpCaseTests: XCTestCase {
    struct OpCase: Decodable {
        struct Array: Decodable {
            let shape: [Int]
            let dtype: String
            let values: [Double]

            var tensor: Tensor {
                dtype == "int32" ? Tensor(shape: TensorShape(shape), integers: values.map { Int32($0) })
                                 : Tensor(shape: TensorShape(shape), scalars: values.map { Float($0) })
            }
        }

        let name: String
        let op: String
        let inputs: [Array]
        let args: [String: [Int]]
        let expected: Array

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            op = try container.decode(String.self, forKey: .op)
            inputs = try container.decode([Array].self, forKey: .inputs)
            expected = try container.decode(Array.self, forKey: .expected)
            // Arguments are a single axis or a list (axes, permutation); read both as lists.
            let raw = try container.decode([String: IntOrList].self, forKey: .args)
            args = raw.mapValues(\.values)
        }

        enum CodingKeys: String, CodingKey { case name, op, inputs, args, expected }

        struct IntOrList: Decodable {
            let values: [Int]
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let list = try? container.decode([Int].self) {
                    values = list
                } else {
                    values = [try container.decode(Int.self)]
                }
            }
        }
    }

    func testEveryOpMatchesNumpy() throws {
        let url = Bundle.module.url(forResource: "Fixtures/op_cases", withExtension: "json")!
        struct File: Decodable { let cases: [OpCase] }
        let cases = try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
        XCTAssertGreaterThanOrEqual(cases.count, 20)
        for opCase in cases {
            let result = run(opCase)
            let expected = opCase.expected.tensor
            XCTAssertEqual(result.shape, expected.shape, opCase.name)
            XCTAssertEqual(result.dtype, expected.dtype, opCase.name)
            for (actual, wanted) in zip(result.scalars, expected.scalars) {
                XCTAssertEqual(actual, wanted, accuracy: 1e-5 + 1e-5 * abs(wanted), opCase.name)
            }
        }
    }

    private func run(_ opCase: OpCase) -> Tensor {
        let inputs = opCase.inputs.map(\.tensor)
        let axes = opCase.args["axes"] ?? []
        let axis = opCase.args["axis"]?.first ?? 0
        switch opCase.op {
        case "matmul": return matmul(inputs[0], inputs[1])
        case "transpose": return inputs[0].transposed(permutation: opCase.args["permutation"]!)
        case "reverse": return inputs[0].reversed(alongAxis: axis)
        case "concatenate": return Tensor(concatenating: inputs, alongAxis: axis)
        case "gather": return inputs[0].gathering(atIndices: inputs[1], alongAxis: axis)
        case "add": return inputs[0] + inputs[1]
        case "subtract": return inputs[0] - inputs[1]
        case "multiply": return inputs[0] * inputs[1]
        case "divide": return inputs[0] / inputs[1]
        case "sum": return inputs[0].sum(alongAxes: axes)
        case "mean": return inputs[0].mean(alongAxes: axes)
        case "max": return inputs[0].max(alongAxes: axes)
        case "argmax": return inputs[0].argmax(alongAxis: axis)
        case "softmax": return softmax(inputs[0], alongAxis: axis)
        default:
            XCTFail("\(opCase.name): unknown op \(opCase.op)")
            return inputs[0]
        }
    }
}
