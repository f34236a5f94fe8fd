import torch

model = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.Dropout(0.5))
model.eval()  # en: switches Dropout and BatchNorm to inference behaviour # zh: 让 Dropout 和 BatchNorm 换成评估时的行为
out = model(torch.ones(1, 2))
print("training:", model.training, " grad_fn:", out.grad_fn.name())
with torch.no_grad():  # en: this is what stops the graph # zh: 不再建图，靠的是这一句
    print("under no_grad:", model(torch.ones(1, 2)).grad_fn)
