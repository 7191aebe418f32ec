// The seed lesson's three programs (Notebooks' first post, originally TensorFlow/Keras in Python)
// written against Tensors, printing the same shapes: `swift run -c release TensorsDemo`.
import Tensors

// 1. An embedding of one three-word sentence.
let someWords = Tensor(shape: [1, 3], integers: [3, 57, 35])
print("Embedding을 진행할 문장:", someWords.shape)
let embeddingLayer = Embedding(inputDim: 64, outputDim: 100)
print("Embedding된 문장:", embeddingLayer(someWords).shape)
print("Embedding Layer의 Weight 형태:", embeddingLayer.weights[0].shape)

// 2. SimpleRNN and LSTM over "What time is it ?".
let sentence = "What time is it ?"
let dic = ["is": 0, "it": 1, "What": 2, "time": 3, "?": 4]
print("RNN에 입력할 문장:", sentence)
let words = sentence.split(separator: " ").map { Int32(dic[String($0)]!) }
let sentenceTensor = Tensor(shape: [1, words.count], integers: words)
print("Embedding을 위해 단어 매핑:", sentenceTensor)
print("입력 문장 데이터 형태:", sentenceTensor.shape)

let sentenceEmbedding = Embedding(inputDim: dic.count, outputDim: 100)
let embOut = sentenceEmbedding(sentenceTensor)
print("\nEmbedding 결과:", embOut.shape)
print("Embedding Layer의 Weight 형태:", sentenceEmbedding.weights[0].shape)

let rnnSeqLayer = SimpleRNN(units: 64, useBias: false, returnSequences: true)
let rnnSeqOut = rnnSeqLayer(embOut)
print("\nRNN 결과 (모든 Step Output):", rnnSeqOut.shape)
print("RNN Layer의 Weight 형태:", rnnSeqLayer.weights[0].shape)

let rnnFinLayer = SimpleRNN(units: 64, useBias: false)
let rnnFinOut = rnnFinLayer(embOut)
print("\nRNN 결과 (최종 Step Output):", rnnFinOut.shape)
print("RNN Layer의 Weight 형태:", rnnFinLayer.weights[0].shape)

let lstmSeqLayer = LSTM(units: 64, useBias: false, returnSequences: true)
let lstmSeqOut = lstmSeqLayer(embOut)
print("\nLSTM 결과 (모든 Step Output):", lstmSeqOut.shape)
print("LSTM Layer의 Weight 형태:", lstmSeqLayer.weights[0].shape)

let lstmFinLayer = LSTM(units: 64, useBias: false)
let lstmFinOut = lstmFinLayer(embOut)
print("\nLSTM 결과 (최종 Step Output):", lstmFinOut.shape)
print("LSTM Layer의 Weight 형태:", lstmFinLayer.weights[0].shape)

// 3. A bidirectional SimpleRNN.
let biEmbedding = Embedding(inputDim: dic.count, outputDim: 100)
let biInput = biEmbedding(sentenceTensor)
print("\n입력 문장 데이터 형태:", biInput.shape)
let biRNN = Bidirectional(SimpleRNN(units: 64, useBias: false, returnSequences: true))
let biOut = biRNN(biInput)
print("Bidirectional RNN 결과 (최종 Step Output):", biOut.shape)
