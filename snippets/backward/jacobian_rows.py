# en: The full Jacobian needs one backward pass per output element: v = e_i picks row i.
# zh: 完整的雅可比矩阵要对每个输出元素各做一次反向传播：v = e_i 取出第 i 行。
import torch


def f(x):
    return torch.stack([x[0] * x[1], x[0] ** 2, 3 * x[1]])


x = torch.tensor([2.0, 3.0], requires_grad=True)
rows = []
for e in torch.eye(3):  # en: e = [1, 0, 0], then [0, 1, 0], then [0, 0, 1] # zh: e 依次是 [1, 0, 0]、[0, 1, 0]、[0, 0, 1]
    x.grad = None
    f(x).backward(gradient=e)
    print("v =", e, "-> x.grad =", x.grad)
    rows.append(x.grad)
print(torch.stack(rows))
