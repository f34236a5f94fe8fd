# en: The digit picks one of the derivative formulas of one operator.
# zh: 末尾的数字表示用的是同一个运算的哪一条求导公式。
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
t = torch.tensor(3.0)
results = {"x ** 2": x ** 2, "x ** t": x ** t, "2 ** x": 2 ** x,
           "x.sum()": x.sum(), "x.sum(0)": x.sum(0)}
for code, y in results.items():
    edges = len(y.grad_fn.next_functions)
    print(f"{code:9} {y.grad_fn.name():13} {edges} edge(s)")
