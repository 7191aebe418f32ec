import XCTest
@testable import Tensors

/// Models made from symbolic tensors: shapes, Keras's layer order, shared layers, several inputs,
/// the same numbers and gradients as the equivalent closure model, and clear errors.
final class FunctionalModelTests: XCTestCase {
    /// word2vec's skip-gram: two id inputs, an embedding each, their dot product through a sigmoid.
    private func skipGram() -> (model: Model, target: Embedding, context: Embedding) {
        let targetIds = Input(shape: [1], dtype: .int32, name: "target"), contextIds = Input(shape: [1], dtype: .int32, name: "context")
        let target = Embedding(inputDim: 12, outputDim: 4, name: "embedding"), context = Embedding(inputDim: 12, outputDim: 4, name: "embedding_1")
        let similarity = Dot(axes: 2, name: "dot")([target(targetIds), context(contextIds)])
        let output = ActivationLayer(.sigmoid, name: "activation")(Flatten(name: "flatten")(similarity))
        return (Model(inputs: [targetIds, contextIds], outputs: output), target, context)
    }

    private let targets = Tensor(shape: [5, 1], integers: [3, 0, 11, 7, 3])
    private let contexts = Tensor(shape: [5, 1], integers: [1, 4, 2, 7, 9])

    func testSymbolicShapesAreWhatEachLayerGives() {
        let ids = Input(shape: [nil], dtype: .int32)
        XCTAssertEqual(ids.shape, [nil, nil])
        let embedded = Embedding(inputDim: 50, outputDim: 8)(ids)
        XCTAssertEqual(embedded.shape, [nil, nil, 8])
        XCTAssertEqual(LSTM(units: 3, returnSequences: true)(embedded).shape, [nil, nil, 3])
        XCTAssertEqual(GRU(units: 3)(embedded).shape, [nil, 3])
        let (output, states) = LSTM(units: 5, returnSequences: true, returnState: true).callWithState(embedded)
        XCTAssertEqual(output.shape, [nil, nil, 5])
        XCTAssertEqual(states.map(\.shape), [[nil, 5], [nil, 5]])
        XCTAssertEqual(Bidirectional(LSTM(units: 4, returnSequences: true))(embedded).shape, [nil, nil, 8])
        XCTAssertEqual(Bidirectional(SimpleRNN(units: 4), mergeMode: .sum)(embedded).shape, [nil, 4])
        XCTAssertEqual(Bidirectional(GRU(units: 4, returnState: true)).callWithState(embedded).states.count, 2)
        XCTAssertEqual(Flatten()(embedded).shape, [nil, nil])
        XCTAssertEqual(Dense(units: 2)(Flatten()(Embedding(inputDim: 5, outputDim: 3)(Input(shape: [4])))).shape, [nil, 2])
        XCTAssertEqual(Reshape(targetShape: [2, -1])(Input(shape: [3, 4])).shape, [nil, 2, 6])
        XCTAssertEqual(Dot(axes: [1, 2])([Input(shape: [3, 4]), Input(shape: [5, 3])]).shape, [nil, 4, 5])
        XCTAssertEqual(Dot(axes: -1)([Input(shape: [4]), Input(shape: [4])]).shape, [nil, 1])
        XCTAssertEqual(embedded.dtype, .float32)
        XCTAssertEqual(ids.dtype, .int32)
    }

    func testLayersAndWeightsAreInKerasGraphOrderWithInputLayers() {
        let (model, target, context) = skipGram()
        XCTAssertEqual(model.layers.map(\.name), ["target", "context", "embedding", "embedding_1", "dot", "flatten", "activation"])
        XCTAssertEqual(model.layers.map { LayerName.kerasTypeName(of: $0) },
                       ["InputLayer", "InputLayer", "Embedding", "Embedding", "Dot", "Flatten", "Activation"])
        XCTAssertEqual(model.weightNames, ["embedding/embeddings", "embedding_1/embeddings"])
        XCTAssertEqual(model.weights, target.weights + context.weights)
        XCTAssertTrue(model.name.hasPrefix("functional"), model.name)
    }

    func testDepthOrdersLayersNotCreationOrder() {
        // The Dense made first is called last: Keras lists layers by depth in the graph.
        let late = Dense(units: 1, name: "made_first"), early = Dense(units: 3, name: "made_second")
        let input = Input(shape: [2], name: "x")
        let model = Model(inputs: input, outputs: late(early(input)))
        XCTAssertEqual(model.layers.map(\.name), ["x", "made_second", "made_first"])
        XCTAssertEqual(model.weights.map(\.shape), [[2, 3], [3], [3, 1], [1]])
    }

    func testTheGraphGivesTheClosureModelsOutputsAndGradients() {
        let (model, target, context) = skipGram()
        let closure = Model(layers: [target, context]) { x in
            sigmoid(Flatten()(matmul(target(x[0]), context(x[1]).transposed(permutation: 0, 2, 1))))
        }
        let inputs = [targets, contexts]
        XCTAssertEqual(model(inputs), closure(inputs))
        XCTAssertEqual(model(inputs).shape, [5, 1])
        let labels = Tensor(shape: [5, 1], scalars: [1, 0, 1, 1, 0])
        let graph = valueWithGradient(of: model) { Loss.binaryCrossentropy(labels, $0(inputs)) }
        let reference = valueWithGradient(of: closure) { Loss.binaryCrossentropy(labels, $0(inputs)) }
        XCTAssertEqual(graph.value, reference.value)
        XCTAssertEqual(graph.gradients, reference.gradients)
        XCTAssertTrue(graph.gradients.allSatisfy { $0.scalars.contains { $0 != 0 } })
    }

    func testASharedLayerIsOneLayerWhoseGradientsAddUp() {
        let first = Input(shape: [3], dtype: .int32), second = Input(shape: [3], dtype: .int32)
        let embedding = Embedding(inputDim: 9, outputDim: 2), encoder = SimpleRNN(units: 2)
        let model = Model(inputs: [first, second], outputs: Multiply()([encoder(embedding(first)), encoder(embedding(second))]))
        XCTAssertEqual(model.layers.count, 5)
        XCTAssertEqual(model.weights.count, 1 + 3)
        let a = Tensor([[1, 2, 3], [4, 5, 6]]), b = Tensor([[7, 8, 0], [1, 1, 1]])
        XCTAssertEqual(model([a, b]), encoder(embedding(a)) * encoder(embedding(b)))
        let graph = valueWithGradient(of: model) { $0([a, b]).sum() }
        let reference = valueWithGradient(of: [embedding, encoder]) { (encoder(embedding(a)) * encoder(embedding(b))).sum() }
        XCTAssertEqual(graph.gradients, reference.gradients)
    }

    func testADecoderStartsFromTheEncodersSymbolicStates() {
        let source = Input(shape: [5, 3]), target = Input(shape: [4, 3])
        let encoder = GRU(units: 4, returnState: true), decoder = GRU(units: 4, returnSequences: true)
        let states = encoder.callWithState(source).states
        let model = Model(inputs: [source, target], outputs: decoder(target, initialState: states))
        let x = Tensor(shape: [2, 5, 3], scalars: (0..<30).map { Float($0 % 7) / 7 - 0.4 })
        let y = Tensor(shape: [2, 4, 3], scalars: (0..<24).map { Float($0 % 5) / 5 - 0.3 })
        XCTAssertEqual(model([x, y]), decoder(y, initialState: encoder.callWithState(x).states))
        XCTAssertEqual(model.layers.count, 4)
    }

    func testAModelNestedInAnotherComputesAsItsLayersAndTrainsThem() {
        let a = Input(shape: [3]), b = Input(shape: [3])
        let left = Dense(units: 2), right = Dense(units: 2), head = Dense(units: 1)
        let inner = Model(inputs: [a, b], outputs: Add()([left(a), right(b)]))
        let x = Input(shape: [3]), y = Input(shape: [3])
        let outer = Model(inputs: [x, y], outputs: head(inner([x, y])))
        let u = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]), v = Tensor(shape: [2, 3], scalars: [0.5, -1, 2, 0, 1, -2])
        XCTAssertEqual(outer([u, v]), head(left(u) + right(v)))
        XCTAssertEqual(outer.weights, left.weights + right.weights + head.weights)
        let nested = valueWithGradient(of: outer) { $0([u, v]).sum() }
        let flat = valueWithGradient(of: [left, right, head]) { head(left(u) + right(v)).sum() }
        XCTAssertEqual(nested.gradients, flat.gradients)
    }

    func testMasksFlowThroughTheGraph() {
        let ids = Input(shape: [4], dtype: .int32)
        let embedding = Embedding(inputDim: 10, outputDim: 3, maskZero: true), lstm = LSTM(units: 2)
        let model = Model(inputs: ids, outputs: lstm(embedding(ids)))
        let x = Tensor([[0, 0, 5, 6], [1, 2, 3, 4]])
        XCTAssertEqual(model(x), lstm(embedding(x)))

        // The recurrent calls also read the mask's NotEqual node, whose value they ignore.
        let bidirectional = Bidirectional(GRU(units: 2, returnSequences: true)), encoder = LSTM(units: 3, returnState: true)
        let (output, states) = encoder.callWithState(bidirectional(embedding(ids)))
        XCTAssertEqual(output.node.inputs.map { LayerName.kerasTypeName(of: $0.node.layer) }, ["Bidirectional", "NotEqual"])
        let stacked = Model(inputs: ids, outputs: Concatenate()([output] + states))
        let direct = encoder.callWithState(bidirectional(embedding(x)))
        XCTAssertEqual(stacked(x), Tensor(concatenating: [direct.output] + direct.states, alongAxis: -1))
    }

    func testFitEvaluatePredictAndSavedWeightsWorkOnAGraph() throws {
        let (model, _, _) = skipGram()
        model.compile(optimizer: Adam(learningRate: 0.1), loss: .binaryCrossentropy, metrics: [.accuracy])
        let labels = Tensor(shape: [5, 1], scalars: [1, 0, 1, 1, 0])
        let before = model.evaluate([targets, contexts], labels, verbose: 0)["loss"]!
        let history = model.fit([targets, contexts], labels, batchSize: 2, epochs: 20, verbose: 0)
        XCTAssertLessThan(history.history["loss"]!.last!, before)
        XCTAssertEqual(model.predict([targets, contexts], batchSize: 2, verbose: 0), model([targets, contexts]).detached)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("functional-\(UUID()).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.saveWeights(path)
        let (copy, _, _) = skipGram()
        try copy.loadWeights(path)
        XCTAssertEqual(copy.weights, model.weights)
        XCTAssertEqual(try SafeTensors.decode(Data(contentsOf: URL(fileURLWithPath: path))).map(\.name),
                       ["embedding/embeddings", "embedding_1/embeddings"])
    }

    func testOutputsNotComputedFromTheInputsAreRefusedNamingLayerAndInput() {
        let a = Input(shape: [3], name: "a"), b = Input(shape: [3], name: "b")
        let sum = Add(name: "sum_of_both")([a, b])
        XCTAssertThrowsError(try FunctionalGraph(inputs: [a], outputs: [sum])) { error in
            XCTAssertEqual("\(error)", "Model(inputs:outputs:): the outputs are not computed from the inputs: sum_of_both (Add) reads input 'b' of shape (None, 3), which is not among the model's inputs ('a'); add it to inputs")
        }
        XCTAssertThrowsError(try FunctionalGraph(inputs: [sum], outputs: [sum])) { error in
            XCTAssertTrue("\(error)".hasPrefix("Model(inputs:outputs:): inputs must be made by Input(shape:), got SymbolicTensor(shape: (None, 3), dtype: float32, from: sum_of_both[0][0])"), "\(error)")
        }
        XCTAssertThrowsError(try FunctionalGraph(inputs: [a, a], outputs: [sum])) { error in
            XCTAssertEqual("\(error)", "Model(inputs:outputs:): input 'a' is listed twice")
        }
        let twin = Dense(units: 3, name: "a")(b)
        XCTAssertThrowsError(try FunctionalGraph(inputs: [a, b], outputs: [Add()([a, twin])])) { error in
            XCTAssertEqual("\(error)", "Model(inputs:outputs:): the name \"a\" is used by 2 layers of the model; layer names must be unique")
        }
        // An input no output uses still belongs to the model, as in Keras.
        let unused = try? FunctionalGraph(inputs: [a, b], outputs: [Dense(units: 1)(a)])
        XCTAssertEqual(unused?.layers.map(\.name).prefix(2), ["a", "b"])
    }

    func testAWrongInputShapeNamesTheInputAndBothShapes() {
        let input = InputLayer(shape: [nil, 4], dtype: .float32, name: "features")
        XCTAssertNoThrow(try input.validate([2, 9, 4]))
        XCTAssertThrowsError(try input.validate([2, 4])) { error in
            XCTAssertEqual("\(error)", "input 'features' expects shape (None, None, 4), got (2, 4)")
        }
    }

    func testAnErrorInASymbolicCallSaysWhichCallAndShapes() throws {
        let dense = Dense(units: 2, name: "classifier")
        let input = Input(shape: [])
        var thrown: Error?
        do { try dense.validateInput([2]) } catch { thrown = error }
        let context = GraphNode.callContext(of: dense, on: [input])
        let message = GraphNode.$callContext.withValue(context) { trapMessage(for: try! XCTUnwrap(thrown)) }
        XCTAssertEqual(message, """
            Dense(units: 2) expects input of shape (batch, ..., features), got shape (2,) of rank 1
            (in the call of classifier (Dense) on symbolic input of shape (None), which runs the layer with 2 for each unknown size to find its output's shape)
            """)
        XCTAssertEqual(trapMessage(for: LayerError("plain")), "plain")
    }

    func testAnInputOfTheWrongRankIsRefusedWithItsSymbolicShape() {
        let flat = Input(shape: [4], name: "flat")
        XCTAssertThrowsError(try LSTM(units: 3, name: "encoder").validateRank(of: flat)) { error in
            XCTAssertEqual("\(error)", "encoder (LSTM) expects input of rank 3 (batch, timesteps, features), got symbolic input of shape (None, 4) of rank 2 from flat")
        }
        XCTAssertThrowsError(try Dense(units: 2, name: "head").validateRank(of: Input(shape: [], name: "scalar"))) { error in
            XCTAssertEqual("\(error)", "head (Dense) expects input of rank 2 or more (batch, ..., features), got symbolic input of shape (None) of rank 1 from scalar")
        }
        XCTAssertNoThrow(try Dense(units: 2).validateRank(of: Input(shape: [3, 4, 5])))
        XCTAssertNoThrow(try Bidirectional(GRU(units: 2)).validateRank(of: Input(shape: [nil, 4])))
    }

    func testNodeIndicesCountEveryCallOfALayer() {
        let dense = Dense(units: 2, name: "reused")
        let first = dense(Input(shape: [3])), second = dense(Input(shape: [3]))
        XCTAssertEqual(first.node.index, 0)
        XCTAssertEqual(second.node.index, 1)
        XCTAssertEqual("\(second)", "SymbolicTensor(shape: (None, 2), dtype: float32, from: reused[1][0])")
    }
}
