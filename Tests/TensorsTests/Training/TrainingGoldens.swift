import Foundation
import XCTest
@testable import Tensors

/// Fixtures/keras-training-goldens.json (Keras 3.15.1 on TensorFlow 2.21; see its `meta`), read loosely:
/// every array is `{shape, values}`, with a `dtype` for inputs.
struct TrainingGoldens {
    let root: [String: Any]

    static func load() throws -> TrainingGoldens {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "keras-training-goldens", withExtension: "json", subdirectory: "Fixtures"))
        return TrainingGoldens(root: try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]))
    }

    func section(_ name: String, _ key: String) -> [String: Any] {
        (root[name] as! [String: Any])[key] as! [String: Any]
    }

    /// A `{shape, values}` object as a tensor: int32 when its dtype says so.
    static func tensor(_ object: Any?) -> Tensor {
        let array = object as! [String: Any]
        let shape = TensorShape(array["shape"] as! [Int])
        let values = (array["values"] as! [NSNumber]).map(\.doubleValue)
        if array["dtype"] as? String == "int32" {
            return Tensor(shape: shape, integers: values.map { Int32($0) })
        }
        return Tensor(shape: shape, scalars: values.map { Float($0) })
    }

    static func tensors(_ object: Any?) -> [Tensor] {
        (object as! [Any]).map(tensor)
    }
}
