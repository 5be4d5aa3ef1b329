"""`sokhcn deploy s3://bucket/prefix`: upload a publish build to an S3-compatible store.

Same rules as the rsync path: only files whose content changed are sent, and
objects of removed files are deleted last, after every upload succeeded.

What changed is decided by comparing each file's MD5 with the ETag in the bucket
listing. For an object stored by one PUT without KMS or customer-key encryption,
S3 and its compatible stores (MinIO, Ceph RGW, R2, ...) give the MD5 of the body
as ETag. This reads the bucket as it is, so a run cut short or an object changed
by hand is seen as such, where a stored manifest could go stale; and it costs no
request beyond the listing. Every file is sent by a single PUT (with Content-MD5,
so the store checks the body), never multipart, so its ETag stays comparable. An
ETag that is not an MD5 counts as changed: the object is sent again (on every run
under KMS encryption), which is slower but never wrong.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from static_host import HASHED_NAME

SCHEME = "s3://"
# The search index data folder is named by its content hash; only meta.bin,
# beside it, changes in place (plugins/search_index).
HASHED_INDEX = re.compile(r"(^|/)tim-kiem/chi-muc/[0-9a-f]{12}/")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Object stores send what they hold and do not negotiate Content-Encoding, so
# the build's name.gz / name.br copies would only be dead weight there.
PRECOMPRESSED = (".gz", ".br")
UTF8 = "; charset=utf-8"
OFFICE = "application/vnd.openxmlformats-officedocument."
# The types the build writes, as deploy/nginx serves them; other files (pictures,
# attachments) get Python's built-in table, without the machine's mime.types.
CONTENT_TYPES = {
    ".html": "text/html" + UTF8,
    ".aspx": "text/html" + UTF8,  # the old portal's address, a page (deploy/nginx)
    ".css": "text/css" + UTF8,
    ".js": "text/javascript" + UTF8,
    ".json": "application/json" + UTF8,
    ".xml": "application/xml" + UTF8,
    ".txt": "text/plain" + UTF8,
    ".map": "text/plain" + UTF8,  # redirects/legacy.map, an nginx map
    ".ics": "text/calendar" + UTF8,
    ".svg": "image/svg+xml",
    ".bin": "application/octet-stream",  # the search index's own gzip data
    # Attachments Python 3.11's table does not know yet.
    ".docx": OFFICE + "wordprocessingml.document",
    ".xlsx": OFFICE + "spreadsheetml.sheet",
    ".pptx": OFFICE + "presentationml.presentation",
    ".rar": "application/vnd.rar",
    ".7z": "application/x-7z-compressed",
}
FEED_TYPES = {
    ".atom.xml": "application/atom+xml" + UTF8,
    ".rss.xml": "application/rss+xml" + UTF8,
}
ARCHIVE_TYPES = {"gzip": "application/gzip", "bzip2": "application/x-bzip2"}
BUILT_IN_TYPES = mimetypes.MimeTypes()  # Python's table only, same on every machine
PAGE_SUFFIXES = {".html", ".aspx"}
UPLOAD_THREADS = 8
DELETE_BATCH = 1000  # the most DeleteObjects takes at once
REFUSALS = {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "403"}


class DeployError(Exception):
    """A problem to show the editor as it is, in Vietnamese."""


@dataclass(frozen=True)
class Target:
    bucket: str
    prefix: str  # "" or ending in "/"

    @classmethod
    def parse(cls, address: str) -> Target:
        bucket, _, prefix = address.removeprefix(SCHEME).partition("/")
        if not bucket:
            raise DeployError(f"thiếu tên bucket trong {address}: ví dụ s3://bucket/")
        prefix = prefix.strip("/")
        return cls(bucket, f"{prefix}/" if prefix else "")


@dataclass(frozen=True)
class LocalFile:
    key: str  # path relative to the output folder, with "/"
    path: Path
    md5: bytes

    @property
    def etag(self) -> str:
        return self.md5.hex()


@dataclass
class Plan:
    uploads: list[LocalFile]
    unchanged: int
    deletions: list[str]  # keys relative to the prefix
    skipped: int  # precompressed copies left out


def content_type(key: str) -> str:
    name = PurePosixPath(key).name.lower()
    for suffix, kind in FEED_TYPES.items():
        if name.endswith(suffix):
            return kind
    kind = CONTENT_TYPES.get(PurePosixPath(name).suffix)
    if kind:
        return kind
    guessed, encoding = BUILT_IN_TYPES.guess_type(name, strict=False)
    # An attachment like du-lieu.csv.gz is sent as the archive it is: no
    # Content-Encoding, so a browser saves it instead of unpacking it.
    if encoding:
        return ARCHIVE_TYPES.get(encoding, "application/octet-stream")
    return guessed or "application/octet-stream"


def cache_control(key: str) -> str:
    if HASHED_NAME.search(key) or HASHED_INDEX.search(key):
        return IMMUTABLE
    return REVALIDATE


def upload_rank(key: str) -> int:
    """Hashed assets first, then other files, pages last: a page never points to
    a file the bucket does not have yet, nor meta.bin to an index not there."""
    if cache_control(key) == IMMUTABLE:
        return 0
    return 2 if PurePosixPath(key).suffix.lower() in PAGE_SUFFIXES else 1


def file_md5(path: Path) -> bytes:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.digest()


def local_files(output: Path) -> tuple[list[LocalFile], int]:
    """The files to publish, and how many precompressed copies were left out."""
    files, skipped = [], 0
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        # Only a copy beside its original is left out: an attachment named
        # data.tar.gz is a file of the site like any other.
        if path.suffix in PRECOMPRESSED and path.with_suffix("").is_file():
            skipped += 1
            continue
        key = path.relative_to(output).as_posix()
        files.append(LocalFile(key, path, file_md5(path)))
    return files, skipped


def plan(files: list[LocalFile], skipped: int, remote: dict[str, str]) -> Plan:
    """remote: {key relative to the prefix: ETag without quotes}."""
    uploads = [file for file in files if remote.get(file.key) != file.etag]
    uploads.sort(key=lambda file: (upload_rank(file.key), file.key))
    local = {file.key for file in files}
    deletions = sorted(key for key in remote if key not in local)
    return Plan(uploads, len(files) - len(uploads), deletions, skipped)


class Bucket:
    """One bucket and prefix, through boto3 with the standard credential chain."""

    def __init__(self, target: Target, endpoint_url: str | None):
        try:
            import boto3
            from botocore.config import Config
        except ImportError as error:
            raise DeployError(
                "chưa cài boto3 cho tải lên S3: "
                ".venv/bin/pip install --editable '.[s3]'"
            ) from error
        self.target = target
        self.endpoint_url = endpoint_url
        # A session of its own: credentials are read from the environment now.
        session = boto3.session.Session()
        config = Config(max_pool_connections=UPLOAD_THREADS)
        try:
            self.client = session.client("s3", endpoint_url=endpoint_url, config=config)
        except ValueError as error:  # botocore's "Invalid endpoint: ..."
            raise DeployError(
                f"--endpoint-url {endpoint_url} không hợp lệ: "
                "cần địa chỉ đầy đủ, ví dụ https://s3.example.vn"
            ) from error

    def listing(self) -> dict[str, str]:
        prefix = self.target.prefix
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.target.bucket, Prefix=prefix
        )
        return {
            item["Key"][len(prefix) :]: item["ETag"].strip('"')
            for page in pages
            for item in page.get("Contents", [])
        }

    def put(self, file: LocalFile) -> LocalFile:
        with file.path.open("rb") as body:
            self.client.put_object(
                Bucket=self.target.bucket,
                Key=self.target.prefix + file.key,
                Body=body,
                ContentMD5=base64.b64encode(file.md5).decode("ascii"),
                ContentType=content_type(file.key),
                CacheControl=cache_control(file.key),
            )
        return file

    def delete(self, keys: list[str]) -> None:
        for start in range(0, len(keys), DELETE_BATCH):
            batch = keys[start : start + DELETE_BATCH]
            answer = self.client.delete_objects(
                Bucket=self.target.bucket,
                Delete={
                    "Objects": [{"Key": self.target.prefix + key} for key in batch],
                    "Quiet": True,
                },
            )
            errors = answer.get("Errors", [])
            if errors:
                first = errors[0]
                raise DeployError(
                    f"không xoá được {len(errors)} đối tượng, ví dụ {first['Key']}: "
                    f"{first.get('Code', '')} {first.get('Message', '')}".rstrip()
                )


def explain(error: Exception, target: Target, where: str) -> str:
    """A Vietnamese message for what boto3 raised; `where` is the endpoint."""
    from botocore.exceptions import (
        ClientError,
        EndpointConnectionError,
        NoCredentialsError,
        PartialCredentialsError,
    )

    if isinstance(error, DeployError):
        return str(error)
    if isinstance(error, NoCredentialsError | PartialCredentialsError):
        return (
            "chưa có thông tin đăng nhập S3: đặt biến môi trường AWS_ACCESS_KEY_ID "
            "và AWS_SECRET_ACCESS_KEY (hoặc AWS_PROFILE), xem docs/deploy.md"
        )
    if isinstance(error, EndpointConnectionError):
        return f"không kết nối được tới {where}: kiểm tra --endpoint-url và mạng"
    if isinstance(error, ClientError):
        code = error.response.get("Error", {}).get("Code", "")
        if code in {"NoSuchBucket", "404"}:
            return f"không có bucket {target.bucket} trên {where}"
        if code in REFUSALS:
            return (
                f"máy chủ S3 từ chối ({code}): kiểm tra AWS_ACCESS_KEY_ID, "
                f"AWS_SECRET_ACCESS_KEY và quyền trên bucket {target.bucket}"
            )
        return f"máy chủ S3 báo lỗi {code}: {error}"
    if isinstance(error, OSError):
        return f"không đọc được tệp của bản dựng: {error}"
    return f"lỗi khi làm việc với S3: {error}"


def upload(bucket: Bucket, uploads: list[LocalFile]) -> None:
    """Rank by rank, each rank in parallel. A failure stops the run after the
    uploads already under way in its rank; the next ranks and the deletions
    do not start."""
    for rank in (0, 1, 2):
        group = [file for file in uploads if upload_rank(file.key) == rank]
        with ThreadPoolExecutor(UPLOAD_THREADS) as pool:
            for file in pool.map(bucket.put, group):
                print(f"tải lên  {file.key}", flush=True)


def deploy(output: Path, address: str, endpoint_url: str | None, dry_run: bool) -> int:
    try:
        target = Target.parse(address)
        bucket = Bucket(target, endpoint_url)
    except DeployError as error:
        print(f"Lỗi: {error}")
        return 2
    from botocore.exceptions import BotoCoreError, ClientError

    changing = False  # once true, the bucket may hold part of the new site
    try:
        files, skipped = local_files(output)
        work = plan(files, skipped, bucket.listing())
        if dry_run:
            for file in work.uploads:
                print(f"tải lên  {file.key}")
            for key in work.deletions:
                print(f"xoá      {key}")
        else:
            changing = True
            upload(bucket, work.uploads)
            # Removed files go last, once every new and changed file is in place.
            for key in work.deletions:
                print(f"xoá      {key}", flush=True)
            bucket.delete(work.deletions)
    except (DeployError, BotoCoreError, ClientError, OSError) as error:
        where = bucket.client.meta.endpoint_url
        print(f"Lỗi: {explain(error, target, where)}")
        if changing:
            print("Lỗi: máy chủ chưa thay đổi hết; chạy lại lệnh để tải nốt.")
        return 1
    verb = "sẽ " if dry_run else "đã "
    summary = (
        f"{verb.capitalize()}tải lên {len(work.uploads)} tệp, "
        f"{work.unchanged} tệp không đổi, {verb}xoá {len(work.deletions)} tệp "
        f"(bỏ qua {work.skipped} bản nén .gz/.br)."
    )
    if dry_run:
        summary += " Chạy thử: chưa thay đổi gì."
    print(summary)
    return 0
