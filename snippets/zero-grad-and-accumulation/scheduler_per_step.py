import torch
from torch import nn

torch.manual_seed(0)
loss_fn = nn.MSELoss()
data = [(torch.randn(2, 3), torch.randn(2, 1)) for _ in range(12)]
k = 4  # en: 12 micro-batches: 3 optimizer steps # zh: 12 个微批次：优化器更新 3 次


def train(scheduler_per_micro_batch):
    model = nn.Linear(3, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
    steps = []
    optimizer.register_step_post_hook(lambda *args: steps.append(1))
    for i, (x, y) in enumerate(data):
        (loss_fn(model(x), y) / k).backward()
        if (i + 1) % k == 0:
            optimizer.step()
            optimizer.zero_grad()
            if not scheduler_per_micro_batch:
                scheduler.step()  # en: once per optimizer step # zh: 优化器每更新一次，调度器走一步
        if scheduler_per_micro_batch:
            scheduler.step()
    print(f"optimizer steps: {len(steps)}  scheduler steps: {scheduler.last_epoch:2}"
          f"  lr: {scheduler.get_last_lr()[0]:.3g}")


train(scheduler_per_micro_batch=False)
train(scheduler_per_micro_batch=True)
