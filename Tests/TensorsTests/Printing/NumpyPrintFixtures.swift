import Foundation
import Tensors

/// One case of Fixtures/print_cases.json: an array and numpy's `str` of it.
struct NumpyPrintCase: Decodable {
    let name: String
    let shape: [Int]
    let dtype: String
    let values: [Value]
    let str: String

    /// A value as stored in the fixture: floats as decimal strings (so nan and inf fit in JSON), ints as numbers.
    enum Value: Decodable {
        case float(Float)
        case int(Int32)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                guard let value = Float(text) else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a float: \(text)")
                }
                self = .float(value)
            } else {
                self = .int(try container.decode(Int32.self))
            }
        }
    }

    var tensor: Tensor {
        let shape = TensorShape(self.shape)
        switch dtype {
        case "float32":
            return Tensor(shape: shape, scalars: values.map { if case .float(let v) = $0 { return v } else { fatalError(name) } })
        case "int32":
            return Tensor(shape: shape, integers: values.map { if case .int(let v) = $0 { return v } else { fatalError(name) } })
        default:
            fatalError("\(name): unknown dtype \(dtype)")
        }
    }

    static func loadAll() throws -> [NumpyPrintCase] {
        struct File: Decodable { let cases: [NumpyPrintCase] }
        let url = Bundle.module.url(forResource: "Fixtures/print_cases", withExtension: "json")!
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
    }
}
