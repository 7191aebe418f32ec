import Foundation

/// Named tensors in the safetensors format (huggingface/safetensors), which Python reads with
/// `safetensors.numpy.load_file` or PyTorch: an 8-byte little-endian header length, a JSON header
/// naming each tensor's dtype, shape and byte range, then the raw little-endian values.
///
/// The header lists the tensors in the order given (its keys sorted, so the bytes are the same on
/// every run) and records that order in `__metadata__["order"]`, so reading gives them back in it.
public enum SafeTensors {
    /// The bytes of a file holding `tensors`, in this order, with their names.
    public static func encode(_ tensors: [(name: String, tensor: Tensor)]) throws -> Data {
        var header: [String: Any] = [:]
        var body = Data()
        for (name, tensor) in tensors {
            guard header[name] == nil, name != "__metadata__" else {
                throw SafeTensorsError("the name '\(name)' is used twice or reserved")
            }
            let start = body.count
            switch tensor.storage {
            case .float(let values): values.withUnsafeBytes { body.append(contentsOf: $0) }
            case .int(let values): values.withUnsafeBytes { body.append(contentsOf: $0) }
            }
            header[name] = ["dtype": tensor.dtype == .float32 ? "F32" : "I32",
                            "shape": tensor.shape.dimensions, "data_offsets": [start, body.count]]
        }
        let order = String(decoding: try JSONSerialization.data(withJSONObject: tensors.map(\.name), options: .withoutEscapingSlashes), as: UTF8.self)
        header["__metadata__"] = ["format": "folio", "order": order]
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes])
        // The format pads the header with spaces so the values start on an 8-byte boundary.
        json.append(contentsOf: [UInt8](repeating: 0x20, count: (8 - json.count % 8) % 8))
        var file = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        return file + json + body
    }

    /// The tensors of a safetensors file, in the order it records (else sorted by name).
    public static func decode(_ data: Data) throws -> [(name: String, tensor: Tensor)] {
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else { throw SafeTensorsError("the file is \(bytes.count) bytes long, too short for a header") }
        let headerLength = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw SafeTensorsError("the header claims \(headerLength) bytes, but the file has \(bytes.count - 8) after its length")
        }
        let bodyStart = 8 + Int(headerLength)
        guard let header = try? JSONSerialization.jsonObject(with: Data(bytes[8..<bodyStart])) as? [String: Any] else {
            throw SafeTensorsError("the header is not a JSON object")
        }
        let metadata = header["__metadata__"] as? [String: String]
        let names = metadata?["order"].flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String] }
            ?? header.keys.filter { $0 != "__metadata__" }.sorted()
        return try names.map { name in
            guard let entry = header[name] as? [String: Any], let dtype = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
                  shape.allSatisfy({ $0 >= 0 }) else {
                throw SafeTensorsError("tensor '\(name)' has no valid dtype, shape and data_offsets")
            }
            let count = shape.reduce(1, *)
            let start = bodyStart + offsets[0], end = bodyStart + offsets[1]
            guard offsets[0] >= 0, start <= end, end <= bytes.count, end - start == 4 * count else {
                throw SafeTensorsError("tensor '\(name)' (\(dtype) \(shape)) does not fit its byte range \(offsets)")
            }
            // The values need not be 4-byte aligned in memory, so they are loaded unaligned.
            let words = bytes[start..<end].withUnsafeBytes { raw in
                (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) }
            }
            switch dtype {
            case "F32":
                return (name, Tensor(shape: TensorShape(shape), scalars: words.map(Float.init(bitPattern:))))
            case "I32":
                return (name, Tensor(shape: TensorShape(shape), integers: words.map { Int32(bitPattern: $0) }))
            default:
                throw SafeTensorsError("tensor '\(name)' is \(dtype); the engine reads F32 and I32")
            }
        }
    }
}

/// A safetensors file that cannot be written or read, and why.
public struct SafeTensorsError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = "safetensors: " + description
    }
}
