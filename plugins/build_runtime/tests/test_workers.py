"""in_child, on_every_core and in_shares: work runs in forked children; the
memory of in_child's work leaves with its child.

Each case runs in a Python process of its own: forking needs a process with
no other threads, which a test session that has started a browser is not.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PREAMBLE = """
import json, logging, os, threading
from build_runtime import in_child, in_shares, may_fork, on_every_core

def resident_mib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

def big_then_small(count):
    # A table of about 300 MB, and a few of its entries returned: as in a
    # build, survivors scattered among the garbage keep its memory in use.
    table = {str(number): [number] * 3 for number in range(count)}
    survivors = [table[str(number)] for number in range(0, count, 1000)]
    return [os.getpid(), len(table), survivors]

def warns_then_fails():
    logging.getLogger("related").warning("cảnh báo từ tiến trình con")
    raise ValueError("hỏng ở đây")

def failure_and_logs(work):
    # What this process logged, and the error it raised, while doing work().
    logged = []
    class Keep(logging.Handler):
        def emit(self, record):
            logged.append(record.getMessage())
    logging.getLogger().addHandler(Keep())
    try:
        work()
        return {"error": "", "logged": logged}
    except RuntimeError as raised:
        return {"error": str(raised), "logged": logged}
"""


def run(script: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PREAMBLE + textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_result_comes_back_and_the_memory_stays_in_the_child():
    found = run(
        """
        before = resident_mib()
        child_pid, size, kept = in_child(big_then_small, 2_000_000)
        print(json.dumps({"forked": may_fork(), "child": child_pid,
                          "me": os.getpid(), "size": size, "kept": len(kept),
                          "grew": resident_mib() - before}))
        """
    )
    assert found["forked"] is True
    assert found["size"] == 2_000_000
    assert found["kept"] == 2_000
    assert found["child"] != found["me"]
    assert found["grew"] < 30, found  # the table was about 300 MB


def test_in_process_the_same_work_keeps_its_memory():
    """The comparison that makes the test above mean something."""
    found = run(
        """
        before = resident_mib()
        child_pid, size, kept = big_then_small(2_000_000)
        print(json.dumps({"grew": resident_mib() - before}))
        """
    )
    assert found["grew"] > 100, found


def test_a_failure_raises_in_the_build_after_logging_the_childs_warnings():
    found = run(
        """
        print(json.dumps(failure_and_logs(lambda: in_child(warns_then_fails))))
        """
    )
    assert "a worker process failed" in found["error"]
    assert "ValueError: hỏng ở đây" in found["error"]
    assert found["logged"] == ["cảnh báo từ tiến trình con"]


def test_with_another_thread_running_the_work_stays_in_the_process():
    found = run(
        """
        stop = threading.Event()
        threading.Thread(target=stop.wait, name="browser").start()
        child_pid, size, kept = in_child(big_then_small, 10)
        stop.set()
        print(json.dumps({"child": child_pid, "me": os.getpid()}))
        """
    )
    assert found["child"] == found["me"]


def test_the_heap_stays_frozen_in_a_child_and_inside_an_outer_freeze():
    found = run(
        """
        import gc
        from build_runtime import frozen_heap
        with frozen_heap():
            with frozen_heap():
                pass
            after_inner = gc.get_freeze_count()
        after_outer = gc.get_freeze_count()
        in_child = in_child(gc.get_freeze_count)
        print(json.dumps({"inner": after_inner, "outer": after_outer,
                          "child": in_child}))
        """
    )
    assert found["inner"] > 0  # the outer freeze still holds
    assert found["outer"] == 0  # the build collects its garbage again
    assert found["child"] > 0  # the child never collects the build's objects


def test_on_every_core_keeps_the_order_and_shares_the_items_out():
    found = run(
        """
        offset = 7  # a closure: nothing but the results is pickled
        results = on_every_core(lambda n: (n + offset, os.getpid()), range(1000), 3)
        print(json.dumps({"values": [value for value, _ in results],
                          "pids": [pid for _, pid in results], "me": os.getpid()}))
        """
    )
    assert found["values"] == [n + 7 for n in range(1000)]
    # Three contiguous runs: this process first, then two children in order.
    runs = [pid for number, pid in enumerate(found["pids"]) if number % 334 == 0]
    assert runs[0] == found["me"] and len(set(runs)) == 3
    assert found["pids"] == [runs[0]] * 334 + [runs[1]] * 334 + [runs[2]] * 332


def test_on_every_core_stays_in_the_process_for_a_few_items_or_beside_threads():
    found = run(
        """
        few = set(on_every_core(lambda n: os.getpid(), range(10), 2))
        stop = threading.Event()
        threading.Thread(target=stop.wait, name="browser").start()
        beside = set(on_every_core(lambda n: os.getpid(), range(1000), 2))
        stop.set()
        print(json.dumps({"few": sorted(few), "beside": sorted(beside),
                          "me": os.getpid()}))
        """
    )
    assert found["few"] == found["beside"] == [found["me"]]


def test_on_every_core_raises_a_childs_failure_after_its_warnings():
    found = run(
        """
        def fails_late(n):
            if n == 999:
                warns_then_fails()
            return n

        work = lambda: on_every_core(fails_late, range(1000), 2)
        print(json.dumps(failure_and_logs(work)))
        """
    )
    assert "a worker process failed" in found["error"]
    assert "ValueError: hỏng ở đây" in found["error"]
    assert found["logged"] == ["cảnh báo từ tiến trình con"]


def test_in_shares_answers_in_share_order_from_as_many_processes():
    found = run(
        """
        answers = in_shares(lambda share: (share, os.getpid()), 3)
        print(json.dumps({"answers": answers, "me": os.getpid()}))
        """
    )
    shares = [share for share, _ in found["answers"]]
    pids = [pid for _, pid in found["answers"]]
    assert shares == [0, 1, 2]
    assert pids[0] == found["me"] and len(set(pids)) == 3
