import contextlib
import tempfile

import torch
import torch.distributed as dist
from torch import nn
from torch.distributed.algorithms.ddp_comm_hooks import default_hooks
from torch.nn.parallel import DistributedDataParallel as DDP

torch.manual_seed(0)
x, y = torch.randn(8, 3), torch.randn(8, 1)
loss_fn = nn.MSELoss()
k = 4


def counting_hook(counter, bucket):
    counter["all-reduces"] += 1
    return default_hooks.allreduce_hook(None, bucket)  # en: the usual all-reduce # zh: 照常做 all-reduce


def accumulate(model, counter, use_no_sync):
    counter["all-reduces"] = 0
    model.zero_grad()
    for i, (xb, yb) in enumerate(zip(x.chunk(k), y.chunk(k))):
        skip = use_no_sync and i < k - 1  # en: the first k-1 micro-batches # zh: 前 k-1 个微批次
        with model.no_sync() if skip else contextlib.nullcontext():
            (loss_fn(model(xb), yb) / k).backward()
    return model.module.weight.grad.clone()


with tempfile.TemporaryDirectory() as tmp:
    dist.init_process_group("gloo", init_method=f"file://{tmp}/store",
                            rank=0, world_size=1)
    try:
        model = DDP(nn.Linear(3, 1))
        counter = {"all-reduces": 0}
        model.register_comm_hook(counter, counting_hook)
        synced = accumulate(model, counter, use_no_sync=False)
        print("every backward syncs:    all-reduces:", counter["all-reduces"])
        skipped = accumulate(model, counter, use_no_sync=True)
        print("no_sync for the first 3: all-reduces:", counter["all-reduces"])
        print("same gradients:", torch.equal(synced, skipped))
    finally:
        dist.destroy_process_group()
print("process group left:", dist.is_initialized())
