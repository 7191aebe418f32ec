import XCTest
@testable import Tensors

final class LayerNameTests: XCTestCase {
    func testTypeNamesBecomeKerasSnakeCase() {
        XCTAssertEqual(LayerName.snakeCase("SimpleRNN"), "simple_rnn")
        XCTAssertEqual(LayerName.snakeCase("LSTM"), "lstm")
        XCTAssertEqual(LayerName.snakeCase("SpatialDropout1D"), "spatial_dropout1d")
        XCTAssertEqual(LayerName.snakeCase("RNNCell"), "rnn_cell")
        XCTAssertEqual(LayerName.snakeCase("MyDense2Layer"), "my_dense2_layer")
        XCTAssertEqual(LayerName.snakeCase("TextVectorization"), "text_vectorization")
    }

    func testEachNewLayerOfATypeGetsTheNextNumberAndGivenNamesTakeNone() {
        let first = Dense(units: 2), named = Dense(units: 2, name: "classifier"), second = Dense(units: 2)
        let number = { (name: String) in Int(name.split(separator: "_").last.map(String.init) ?? "0") ?? 0 }
        XCTAssertEqual(named.name, "classifier")
        XCTAssertTrue(first.name.hasPrefix("dense"))
        XCTAssertEqual(number(second.name), number(first.name) + 1, "\(first.name), \(second.name)")
    }

    func testBidirectionalNamesItsHalvesAfterTheWrappedLayer() {
        let wrapped = LSTM(units: 2, name: "encoder")
        let layer = Bidirectional(wrapped, name: "both")
        XCTAssertEqual(layer.name, "both")
        XCTAssertEqual(layer.forwardLayer.name, "forward_encoder")
        XCTAssertEqual(layer.backwardLayer.name, "backward_encoder")
    }
}
