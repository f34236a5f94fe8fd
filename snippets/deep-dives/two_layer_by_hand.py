# en: Every gradient of the two-layer network by hand, checked against autograd.
# zh: 两层网络的每个梯度都手算一遍，再和自动求导核对。
import torch

torch.manual_seed(0)
N, D, H, K = 4, 3, 5, 2
X = torch.randn(N, D, dtype=torch.float64)
T = torch.randn(N, K, dtype=torch.float64)
fc1 = torch.nn.Linear(D, H, dtype=torch.float64)
fc2 = torch.nn.Linear(H, K, dtype=torch.float64)

Z = fc1(X)
A = torch.sigmoid(Z)
Y = fc2(A)
for t in (Z, A, Y):
    t.retain_grad()  # en: keep the gradients of the intermediate results too # zh: 中间结果的梯度也留下来
loss = torch.nn.functional.mse_loss(Y, T)
loss.backward()

with torch.no_grad():  # en: the hand computation must not build a graph # zh: 手算部分不能建计算图
    W1, W2 = fc1.weight, fc2.weight
    G_Y = 2 * (Y - T) / (N * K)   # en: dL/dY          (N, K) # zh: dL/dY          形状 (N, K)
    dW2 = G_Y.T @ A               # en: dL/dW2         (K, H) # zh: dL/dW2         形状 (K, H)
    db2 = G_Y.sum(dim=0)          # en: dL/db2         (K,) # zh: dL/db2         形状 (K,)
    G_A = G_Y @ W2                # en: dL/dA          (N, H) # zh: dL/dA          形状 (N, H)
    G_Z = G_A * A * (1 - A)       # en: dL/dZ          (N, H) # zh: dL/dZ          形状 (N, H)
    dW1 = G_Z.T @ X               # en: dL/dW1         (H, D) # zh: dL/dW1         形状 (H, D)
    db1 = G_Z.sum(dim=0)          # en: dL/db1         (H,) # zh: dL/db1         形状 (H,)

checks = [("dL/dY", G_Y, Y.grad), ("dL/dA", G_A, A.grad),
          ("dL/dZ", G_Z, Z.grad), ("dL/dW2", dW2, W2.grad),
          ("dL/db2", db2, fc2.bias.grad), ("dL/dW1", dW1, W1.grad),
          ("dL/db1", db1, fc1.bias.grad)]
for name, mine, auto in checks:
    same = torch.allclose(mine, auto, rtol=0, atol=1e-12)
    print(f"{name:7} {str(tuple(mine.shape)):7} matches autograd: {same}")
