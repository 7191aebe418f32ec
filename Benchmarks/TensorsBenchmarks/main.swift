// Engine benchmarks: recurrent layers, Embedding and raw sgemm, each timed as the median of
// several runs after a warm-up.
//   swift run -c release TensorsBenchmarks [--json] [--repetitions N] [NAME-FILTER...]
//   swift run -c release TensorsBenchmarks --memory STEPS   (resident memory over that many training steps)
// A filter keeps the cases whose name contains it (e.g. `LSTM`); `--repetitions 1` with a filter
// is what `valgrind --tool=callgrind` runs to count instructions of one case.
// Benchmarks/peers.py runs the same configurations in TensorFlow and PyTorch and prints ratios.
import CBLAS
import Foundation
import Tensors

/// One benchmarked operation: `run` is timed; `flops` (if known) gives GFLOP/s.
struct Case {
    let name: String
    let repetitions: Int
    let flops: Double?
    let run: () -> Void
}

/// A finished measurement.
struct Measurement: Encodable {
    let name: String
    let medianMilliseconds: Double
    /// The fastest repetition: on a shared machine, the least disturbed by other work.
    let minimumMilliseconds: Double
    let gflops: Double?
}

func measure(_ benchmark: Case) -> Measurement {
    benchmark.run()  // warm-up: builds layers, faults pages in, starts BLAS threads
    let clock = ContinuousClock()
    var times: [Double] = []
    for _ in 0..<benchmark.repetitions {
        let elapsed = clock.measure(benchmark.run)
        times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
    }
    times.sort()
    let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
    return Measurement(name: benchmark.name, medianMilliseconds: median, minimumMilliseconds: times[0],
                       gflops: benchmark.flops.map { $0 / (median * 1e6) })
}

/// Multiply-adds of a forward pass: input projection plus recurrent product, 2 flops each.
func recurrentFlops(batch: Int, timesteps: Int, features: Int, units: Int, gates: Int) -> Double {
    2 * Double(batch * timesteps) * Double(gates * units) * Double(features + units)
}

func sgemmCase(size n: Int, repetitions: Int) -> Case {
    let a = Tensor.randomNormal(shape: [n, n]).scalars, b = Tensor.randomNormal(shape: [n, n]).scalars
    var c = [Float](repeating: 0, count: n * n)
    return Case(name: "sgemm \(n)x\(n)x\(n)", repetitions: repetitions, flops: 2 * pow(Double(n), 3)) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n),
                    1, a, Int32(n), b, Int32(n), 0, &c, Int32(n))
    }
}

setRandomSeed(defaultRandomSeed)
let sequences = Tensor.randomNormal(shape: [32, 100, 100])
let ids = Tensor(shape: [256, 100], integers: Tensor.randomUniform(shape: [256, 100], maxValue: 10_000).scalars.map { Int32($0) })
let recurrent: [(String, RecurrentLayer, Int)] = [
    ("LSTM(256) on (32, 100, 100)", LSTM(units: 256), 4),
    ("GRU(256) on (32, 100, 100)", GRU(units: 256), 3),
    ("SimpleRNN(256) on (32, 100, 100)", SimpleRNN(units: 256), 1),
]
let embedding = Embedding(inputDim: 10_000, outputDim: 128)

var cases = recurrent.map { name, layer, gates in
    Case(name: name, repetitions: 21,
         flops: recurrentFlops(batch: 32, timesteps: 100, features: 100, units: 256, gates: gates)) { _ = layer(sequences) }
}
// The seed notebook's layers, built and called the way its cells do: one sentence of 5 ids.
let sentence = Tensor(shape: [1, 5], integers: [0, 1, 2, 3, 4])
cases.append(Case(name: "seed notebook layers, built and called", repetitions: 51, flops: nil) {
    let embedded = Embedding(inputDim: 5, outputDim: 100)(sentence)
    _ = SimpleRNN(units: 64, useBias: false, returnSequences: true)(embedded)
    _ = LSTM(units: 64, useBias: false, returnSequences: true)(embedded)
    _ = Bidirectional(SimpleRNN(units: 64, useBias: false, returnSequences: true))(embedded)
})
// Training: forward and backward (weights and input) of each recurrent layer, 3x the forward's flops.
let upstream = Tensor.randomUniform(shape: [32, 256], minValue: -1, maxValue: 1)
cases += [("LSTM", LSTM(units: 256), 4), ("GRU", GRU(units: 256), 3), ("SimpleRNN", SimpleRNN(units: 256), 1)].map { name, layer, gates in
    Case(name: "\(name)(256) forward+backward on (32, 100, 100)", repetitions: 11,
         flops: 3 * recurrentFlops(batch: 32, timesteps: 100, features: 100, units: 256, gates: gates)) {
        _ = valueWithGradient(at: sequences, of: layer) { x, layer in (layer(x) * upstream).sum() }
    }
}
// The same in training with dropout and recurrent dropout: Keras's per-gate masks on h_{t−1}, so a
// step multiplies the recurrent kernel gate by gate (LSTM: four GEMMs instead of one).
cases += [("LSTM", LSTM(units: 256, dropout: 0.2, recurrentDropout: 0.2), 4),
          ("GRU", GRU(units: 256, dropout: 0.2, recurrentDropout: 0.2), 3),
          ("SimpleRNN", SimpleRNN(units: 256, dropout: 0.2, recurrentDropout: 0.2), 1)].map { name, layer, gates in
    Case(name: "\(name)(256) forward+backward, dropout 0.2 and recurrent 0.2, on (32, 100, 100)", repetitions: 11,
         flops: 3 * recurrentFlops(batch: 32, timesteps: 100, features: 100, units: 256, gates: gates)) {
        _ = LearningPhase.$isTraining.withValue(true) {
            valueWithGradient(at: sequences, of: layer) { x, layer in (layer(x) * upstream).sum() }
        }
    }
}
// One training step of a sentiment model: forward, backward and Adam, as Keras's train_on_batch.
let trainingIds = Tensor(shape: [32, 100], integers: Tensor.randomUniform(shape: [32, 100], maxValue: 10_000).scalars.map { Int32($0) })
let trainingLabels = Tensor(shape: [32, 1], scalars: (0..<32).map { Float($0 % 2) })
let model: [any Layer] = [Embedding(inputDim: 10_000, outputDim: 64), LSTM(units: 64), Dense(units: 1, activation: .sigmoid)]
let adam = Adam(learningRate: 0.001)
/// The model's loss on the training batch.
func trainingLoss() -> Tensor { Loss.binaryCrossentropy(trainingLabels, model[2](model[1](model[0](trainingIds)))) }
/// One step: the loss and gradients of all three layers, then Adam's update.
func trainingStep() {
    let (_, gradients) = valueWithGradient(of: model, trainingLoss)
    adam.apply(gradients, to: model)
}
cases.append(Case(name: "training step Embedding-LSTM(64)-Dense", repetitions: 51, flops: nil, run: trainingStep))
// The step's phases apart: the forward pass alone, forward and backward, and Adam's update.
cases.append(Case(name: "step phase: forward only", repetitions: 51, flops: nil, run: { _ = trainingLoss() }))
cases.append(Case(name: "step phase: valueWithGradient", repetitions: 51, flops: nil, run: {
    _ = valueWithGradient(of: model, trainingLoss)
}))
let stepGradients = valueWithGradient(of: model, trainingLoss).1
cases.append(Case(name: "step phase: Adam", repetitions: 51, flops: nil, run: { adam.apply(stepGradients, to: model) }))
// One batch of lesson 3's model through `fit`: 64 reviews of up to 60 syllable ids, zero-padded at
// the end as TextVectorization pads them, so the LSTM runs with a mask.
let reviewIds = (0..<64).flatMap { row -> [Int32] in
    let length = 5 + (row * 37) % 56
    return (0..<60).map { $0 < length ? Int32(2 + ($0 * 131 + row * 17) % 1998) : 0 }
}
let reviews = Tensor(shape: [64, 60], integers: reviewIds)
let reviewLabels = Tensor(shape: [64, 1], scalars: (0..<64).map { Float($0 % 2) })
let lessonModel = Sequential([Embedding(inputDim: 2_000, outputDim: 32, maskZero: true), LSTM(units: 32),
                              Dense(units: 1, activation: .sigmoid)])
lessonModel.compile(optimizer: Adam(learningRate: 0.001), loss: .binaryCrossentropy, metrics: [.accuracy])
cases.append(Case(name: "fit, one batch of lesson 3's LSTM", repetitions: 101, flops: nil) {
    _ = lessonModel.fit(reviews, reviewLabels, batchSize: 64, epochs: 1, verbose: 0, shuffle: false)
})
let lessonBidirectional = Sequential([Embedding(inputDim: 2_000, outputDim: 32, maskZero: true),
                                      Bidirectional(LSTM(units: 32)), Dense(units: 1, activation: .sigmoid)])
lessonBidirectional.compile(optimizer: Adam(learningRate: 0.001), loss: .binaryCrossentropy, metrics: [.accuracy])
cases.append(Case(name: "fit, one batch of lesson 3's BiLSTM", repetitions: 101, flops: nil) {
    _ = lessonBidirectional.fit(reviews, reviewLabels, batchSize: 64, epochs: 1, verbose: 0, shuffle: false)
})
cases.append(Case(name: "Embedding(10000, 128) on (256, 100)", repetitions: 51, flops: nil) { _ = embedding(ids) })
cases.append(sgemmCase(size: 1024, repetitions: 21))
cases.append(sgemmCase(size: 2048, repetitions: 7))

/// The command line: `--json`, `--repetitions N`, and the remaining words as name filters.
struct Options {
    var json = false
    var memorySteps: Int?
    var repetitions: Int?
    var filters: [String] = []

    init(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let argument = rest.popFirst() {
            switch argument {
            case "--json": json = true
            case "--memory":
                guard let count = rest.popFirst().flatMap({ Int($0) }), count > 0 else {
                    FileHandle.standardError.write(Data("TensorsBenchmarks: --memory needs a positive number of steps\n".utf8))
                    exit(2)
                }
                memorySteps = count
            case "--repetitions":
                guard let count = rest.popFirst().flatMap({ Int($0) }), count > 0 else {
                    FileHandle.standardError.write(Data("TensorsBenchmarks: --repetitions needs a positive whole number\n".utf8))
                    exit(2)
                }
                repetitions = count
            default: filters.append(argument)
            }
        }
    }
}

let options = Options(CommandLine.arguments.dropFirst())

/// VmRSS and VmHWM (peak) from /proc/self/status, in MiB.
func residentMemory() -> (current: Double, peak: Double) {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    func field(_ name: String) -> Double {
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }
    return (field("VmRSS"), field("VmHWM"))
}

if let steps = options.memorySteps {
    // Resident memory after growing numbers of training steps: a tape that leaked would grow it.
    print("training steps  resident MiB  peak MiB")
    var checkpoints = Set([1, 10, 100, steps])
    for step in 1...steps {
        trainingStep()
        if checkpoints.remove(step) != nil {
            let memory = residentMemory()
            print(String(format: "%14d  %12.1f  %8.1f", step, memory.current, memory.peak))
        }
    }
    exit(0)
}
let selected = cases.filter { c in options.filters.isEmpty || options.filters.contains { c.name.contains($0) } }
let results = selected.map { c in
    measure(options.repetitions.map { Case(name: c.name, repetitions: $0, flops: c.flops, run: c.run) } ?? c)
}
if options.json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(results), as: UTF8.self))
} else {
    let coreType = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "unset"
    let kernels = String(cString: openblas_get_corename())
    print("Tensors benchmarks (median and minimum ms; OpenBLAS \(kernels) kernels, OPENBLAS_CORETYPE=\(coreType))")
    for result in results {
        let name = result.name.padding(toLength: 38, withPad: " ", startingAt: 0)
        let time = String(format: "%10.3f ms (min %.3f)", result.medianMilliseconds, result.minimumMilliseconds)
        let rate = result.gflops.map { String(format: "%9.1f GFLOP/s", $0) } ?? ""
        print(name + time + rate)
    }
}
