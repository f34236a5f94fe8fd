# en: A two-layer network (Linear, sigmoid, Linear, MSE): shapes and its gradients.
# zh: 两层网络（全连接层、sigmoid、全连接层、MSE 损失）：各个形状和梯度。
import torch

torch.manual_seed(0)
N, D, H, K = 4, 3, 5, 2  # en: batch, inputs, hidden units, outputs # zh: 批次大小、输入数、隐藏单元数、输出数
X = torch.randn(N, D, dtype=torch.float64)
T = torch.randn(N, K, dtype=torch.float64)  # en: targets # zh: 目标值
fc1 = torch.nn.Linear(D, H, dtype=torch.float64)
fc2 = torch.nn.Linear(H, K, dtype=torch.float64)

Z = fc1(X)            # en: Z = X W1^T + b1 # zh: 第一层：Z = X W1^T + b1
A = torch.sigmoid(Z)
Y = fc2(A)            # en: Y = A W2^T + b2 # zh: 第二层：Y = A W2^T + b2
loss = torch.nn.functional.mse_loss(Y, T)
loss.backward()

print("X", tuple(X.shape), "Z", tuple(Z.shape), "A", tuple(A.shape),
      "Y", tuple(Y.shape))
print("loss:", round(loss.item(), 6))
params = [*fc1.named_parameters("fc1"), *fc2.named_parameters("fc2")]
for name, p in params:
    print(f"{name:10} {str(tuple(p.shape)):7} grad {tuple(p.grad.shape)}")
