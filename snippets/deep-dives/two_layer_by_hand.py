"""Every gradient of the two-layer network by hand, checked against autograd."""
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
    t.retain_grad()  # keep the gradients of the intermediate results too
loss = torch.nn.functional.mse_loss(Y, T)
loss.backward()

with torch.no_grad():  # the hand computation must not build a graph
    W1, W2 = fc1.weight, fc2.weight
    G_Y = 2 * (Y - T) / (N * K)   # dL/dY          (N, K)
    dW2 = G_Y.T @ A               # dL/dW2         (K, H)
    db2 = G_Y.sum(dim=0)          # dL/db2         (K,)
    G_A = G_Y @ W2                # dL/dA          (N, H)
    G_Z = G_A * A * (1 - A)       # dL/dZ          (N, H)
    dW1 = G_Z.T @ X               # dL/dW1         (H, D)
    db1 = G_Z.sum(dim=0)          # dL/db1         (H,)

checks = [("dL/dY", G_Y, Y.grad), ("dL/dA", G_A, A.grad),
          ("dL/dZ", G_Z, Z.grad), ("dL/dW2", dW2, W2.grad),
          ("dL/db2", db2, fc2.bias.grad), ("dL/dW1", dW1, W1.grad),
          ("dL/db1", db1, fc1.bias.grad)]
for name, mine, auto in checks:
    same = torch.allclose(mine, auto, rtol=0, atol=1e-12)
    print(f"{name:7} {str(tuple(mine.shape)):7} matches autograd: {same}")
