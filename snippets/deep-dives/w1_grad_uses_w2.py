# en: dL/dW1 is computed from W2: change W2, and the first layer's gradient changes.
# zh: dL/dW1 要用 W2 来算：改了 W2，第一层的梯度也跟着变。
import torch

torch.manual_seed(0)
N, D, H, K = 4, 3, 5, 2
X = torch.randn(N, D, dtype=torch.float64)
T = torch.randn(N, K, dtype=torch.float64)
fc1 = torch.nn.Linear(D, H, dtype=torch.float64)
fc2 = torch.nn.Linear(H, K, dtype=torch.float64)


def step(label):
    fc1.zero_grad()
    fc2.zero_grad()  # en: .grad accumulates: start each run from None # zh: .grad 会累加：每次都从 None 开始
    A = torch.sigmoid(fc1(X))
    Y = fc2(A)
    loss = torch.nn.functional.mse_loss(Y, T)
    loss.backward()
    with torch.no_grad():
        G_Y = 2 * (Y - T) / (N * K)
        dW1 = ((G_Y @ fc2.weight) * A * (1 - A)).T @ X  # en: W2 in the middle # zh: W2 夹在中间
    same = torch.allclose(dW1, fc1.weight.grad, rtol=0, atol=1e-12)
    print(f"{label:9} loss {loss.item():.4f}"
          f"  |dL/dW1| {fc1.weight.grad.norm():.4f}"
          f"  |dL/dW2| {fc2.weight.grad.norm():.4f}  by hand: {same}")


step("W2")
with torch.no_grad():
    fc2.weight.mul_(2)
step("2 * W2")
with torch.no_grad():
    fc2.weight.zero_()
step("W2 = 0")
print("dL/dW1 all zero:", torch.all(fc1.weight.grad == 0).item())
