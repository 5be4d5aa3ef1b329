/*
 * The desk's backend: decap-server's git middleware (every save is a commit)
 * behind a guard of our own, on 127.0.0.1 only.
 *
 * The guard
 * - refuses every path outside the content folder: "../", absolute paths,
 *   backslashes, and symlinks (a path whose real location leaves content/);
 * - accepts uploads only into the picture and attachment folders, of the
 *   allowed types (checked by their first bytes, not only by name) and sizes,
 *   with safe ASCII names;
 * - runs the writes one at a time, each with its editor as the git author
 *   (the X-Sokhcn-Editor header, set by the preview server from the login);
 * - answers in Vietnamese.
 *
 * Settings come from the environment (desk/backend.py writes them from the
 * site's settings): DESK_PORT, DESK_REPO, DESK_RULES (JSON).
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const decapServer = require.resolve("decap-server");
const express = require(require.resolve("express", { paths: [decapServer] }));
const { registerLocalGit, registerLocalFs } = require("decap-server/dist/middlewares");
const simpleGitModule = require(require.resolve("simple-git", { paths: [decapServer] }));

const REPO = fs.realpathSync(process.env.DESK_REPO || process.cwd());
const RULES = JSON.parse(process.env.DESK_RULES || "{}");
const CONTENT = RULES.content || "content";
const SAFE_NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*\.[a-z0-9]+$/;
const WRITES = new Set(["persistEntry", "persistMedia", "deleteFile", "deleteFiles"]);
const WORKFLOW = new Set([
  "unpublishedEntries", "unpublishedEntry", "unpublishedEntryDataFile",
  "unpublishedEntryMediaFile", "deleteUnpublishedEntry", "updateUnpublishedEntryStatus",
  "publishUnpublishedEntry",
]);
// The first bytes of each picture type: a renamed file is not a picture.
const SIGNATURES = {
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  gif: [[0x47, 0x49, 0x46, 0x38]],
  webp: [[0x52, 0x49, 0x46, 0x46]],
};
const ENGLISH_ERRORS = [
  [/Request timed out/i, "Máy chủ đang bận, hãy bấm lưu lại sau ít giây."],
  [/doesn't exist/i, "Không tìm thấy nhánh git của nội dung: báo cho bộ phận kỹ thuật."],
  [/must resolve to a path under/i, "Đường dẫn nằm ngoài kho nội dung."],
  [/ENOENT|no such file/i, "Không tìm thấy tệp này (có thể đã bị xoá hoặc đổi tên)."],
];

class Refusal extends Error {}

function megabytes(bytes) {
  return `${(bytes / 1048576).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB`;
}

/* A path the desk may read or write: under content/, without tricks. */
function checkPath(value, what) {
  if (typeof value !== "string" || value === "") {
    throw new Refusal(`Thiếu đường dẫn ${what}.`);
  }
  if (value.includes("\0") || value.includes("\\") || /^[a-zA-Z]:/.test(value) ||
      value.startsWith("/") || value.split("/").includes("..")) {
    throw new Refusal(`Đường dẫn "${value}" không hợp lệ: chỉ được làm việc trong thư mục ${CONTENT}/.`);
  }
  const normal = path.posix.normalize(value);
  if (normal !== CONTENT && !normal.startsWith(`${CONTENT}/`)) {
    throw new Refusal(`Đường dẫn "${value}" nằm ngoài thư mục ${CONTENT}/: không được phép.`);
  }
  // The deepest part that exists must really be inside content/ (no symlink
  // leading out), and the file itself must not be a symlink.
  const root = fs.realpathSync(path.join(REPO, CONTENT));
  let existing = path.join(REPO, normal);
  while (!fs.existsSync(existing) && existing !== REPO) existing = path.dirname(existing);
  const real = fs.realpathSync(existing);
  if (real !== root && !real.startsWith(root + path.sep)) {
    throw new Refusal(`Đường dẫn "${value}" dẫn ra ngoài thư mục ${CONTENT}/ (liên kết tượng trưng): không được phép.`);
  }
  const full = path.join(REPO, normal);
  if (fs.existsSync(full) && fs.lstatSync(full).isSymbolicLink()) {
    throw new Refusal(`"${value}" là liên kết tượng trưng: không được phép.`);
  }
  return normal;
}

function checkEntryFile(value) {
  const normal = checkPath(value, "của bài");
  if (!normal.endsWith(".md")) {
    throw new Refusal(`"${value}" không phải tệp nội dung .md.`);
  }
  if (RULES.uploads.some((kind) => normal.startsWith(`${kind.folder}/`))) {
    throw new Refusal(`Không được ghi bài vào thư mục ảnh hay tệp đính kèm.`);
  }
  return normal;
}

/* An upload: its folder says its kind; type, size, name and bytes must fit. */
function checkUpload(asset) {
  const normal = checkPath(asset && asset.path, "của tệp tải lên");
  const kind = RULES.uploads.find((rule) => normal.startsWith(`${rule.folder}/`));
  if (!kind) {
    const folders = RULES.uploads.map((rule) => `${rule.folder}/<năm>/`).join(" hoặc ");
    throw new Refusal(`Tệp tải lên chỉ được đặt trong ${folders}.`);
  }
  const relative = normal.slice(kind.folder.length + 1);
  const name = path.posix.basename(normal);
  if (!/^\d{4}\/[^/]+$/.test(relative)) {
    throw new Refusal(`Tệp tải lên phải nằm trong thư mục năm, ví dụ ${kind.folder}/2026/${name}.`);
  }
  const extension = name.includes(".") ? name.split(".").pop().toLowerCase() : "";
  if (!kind.extensions.includes(extension)) {
    throw new Refusal(
      `Không nhận tệp "${name}": ${kind.label} chỉ nhận các loại ${kind.extensions.join(", ")}.`,
    );
  }
  if (!SAFE_NAME.test(name)) {
    throw new Refusal(
      `Tên tệp "${name}" chưa hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch nối.`,
    );
  }
  const bytes = Buffer.from(asset.content || "", asset.encoding === "base64" ? "base64" : "utf8");
  if (bytes.length > kind.max_bytes) {
    throw new Refusal(
      `Tệp "${name}" nặng ${megabytes(bytes.length)}, quá giới hạn ${megabytes(kind.max_bytes)} của ${kind.label}.`,
    );
  }
  const signatures = SIGNATURES[extension];
  if (kind.pictures && signatures && !signatures.some((s) => s.every((b, i) => bytes[i] === b))) {
    throw new Refusal(`Tệp "${name}" không phải là ảnh ${extension.toUpperCase()} thật.`);
  }
  if (kind.pictures && extension === "webp" && bytes.toString("latin1", 8, 12) !== "WEBP") {
    throw new Refusal(`Tệp "${name}" không phải là ảnh WEBP thật.`);
  }
  return normal;
}

function checkRequest(body) {
  const action = body && body.action;
  const params = (body && body.params) || {};
  if (WORKFLOW.has(action)) {
    throw new Refusal("Bàn biên tập không dùng quy trình duyệt bài nhiều bước.");
  }
  switch (action) {
    case "info":
      return;
    case "entriesByFolder":
      checkPath(params.folder, "thư mục");
      return;
    case "entriesByFiles":
      (params.files || []).forEach((file) => checkEntryFile(file && file.path));
      return;
    case "getEntry":
      checkEntryFile(params.path);
      return;
    case "getMedia":
      checkPath(params.mediaFolder, "thư mục ảnh");
      return;
    case "getMediaFile":
      checkPath(params.path, "của tệp");
      return;
    case "persistEntry": {
      const files = params.dataFiles || [params.entry];
      files.forEach((file) => {
        checkEntryFile(file && file.path);
        if (file && file.newPath) checkEntryFile(file.newPath);
      });
      (params.assets || []).forEach(checkUpload);
      return;
    }
    case "persistMedia":
      checkUpload(params.asset);
      return;
    case "deleteFile":
      checkPath(params.path, "của tệp");
      return;
    case "deleteFiles":
      (params.paths || []).forEach((one) => checkPath(one, "của tệp"));
      return;
    default:
      throw new Refusal(`Yêu cầu "${action}" không được hỗ trợ.`);
  }
}

/* Writes run one after the other, each with its editor as the git author. */
let queue = Promise.resolve();

function runAsEditor(req, res, next) {
  const editor = (req.get("x-sokhcn-editor") || "").trim();
  queue = queue.then(
    () =>
      new Promise((done) => {
        const previous = { name: process.env.GIT_AUTHOR_NAME, email: process.env.GIT_AUTHOR_EMAIL };
        if (editor) {
          process.env.GIT_AUTHOR_NAME = editor;
          process.env.GIT_AUTHOR_EMAIL = `${editor}@${RULES.email_domain || "ban-bien-tap.invalid"}`;
        }
        const finish = () => {
          restore("GIT_AUTHOR_NAME", previous.name);
          restore("GIT_AUTHOR_EMAIL", previous.email);
          done();
        };
        res.on("finish", finish);
        res.on("close", finish);
        next();
      }),
  );
}

function restore(name, value) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/* decap-server's own errors, in Vietnamese. */
function vietnameseErrors(req, res, next) {
  const json = res.json.bind(res);
  res.json = (payload) => {
    if (res.statusCode >= 400 && payload && typeof payload.error === "string") {
      const known = ENGLISH_ERRORS.find(([pattern]) => pattern.test(payload.error));
      if (known) payload = { error: known[1] };
      else if (!/[à-ỹđ]/i.test(payload.error)) {
        payload = { error: `Lỗi máy chủ bàn biên tập (báo bộ phận kỹ thuật): ${payload.error}` };
      }
    }
    return json(payload);
  };
  next();
}

function gitIdentity() {
  // A machine whose git has no user still commits, as the desk.
  const has = (key) => {
    try {
      return execFileSync("git", ["config", key], { cwd: REPO }).toString().trim() !== "";
    } catch (error) {
      return false;
    }
  };
  if (!has("user.name")) {
    process.env.GIT_COMMITTER_NAME = process.env.GIT_AUTHOR_NAME = "Bàn biên tập";
  }
  if (!has("user.email")) {
    process.env.GIT_COMMITTER_EMAIL = process.env.GIT_AUTHOR_EMAIL = "ban-bien-tap@localhost";
  }
}

/*
 * decap-server commits with `git add .`: every change in the working folder
 * (a maintainer's edit, a build's temporary folder) would go into the editor's
 * commit. The desk stages the content folder only.
 */
function stageContentOnly() {
  const probe = (simpleGitModule.simpleGit || simpleGitModule)(REPO);
  let owner = Object.getPrototypeOf(probe);
  while (owner && !Object.prototype.hasOwnProperty.call(owner, "add")) {
    owner = Object.getPrototypeOf(owner);
  }
  const add = owner.add;
  owner.add = function (files, ...rest) {
    return add.call(this, files === "." ? [CONTENT] : files, ...rest);
  };
}

function isGitRepository() {
  try {
    return execFileSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd: REPO, stdio: "pipe" })
      .toString().trim() === "true";
  } catch (error) {
    return false;
  }
}

async function main() {
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: `${Math.ceil((RULES.max_request_bytes || 50e6) / 1e6)}mb` }));
  app.use((error, req, res, next) => {
    // A body over the limit or not JSON: refused before anything reads it.
    res.status(error.status || 400).json({ error: "Tệp quá lớn hoặc yêu cầu không hợp lệ." });
  });
  app.post("/api/v1", vietnameseErrors, (req, res, next) => {
    try {
      checkRequest(req.body);
    } catch (error) {
      if (error instanceof Refusal) {
        res.status(422).json({ error: error.message });
        return;
      }
      throw error;
    }
    if (WRITES.has(req.body.action)) runAsEditor(req, res, next);
    else next();
  });
  process.env.GIT_REPO_DIRECTORY = REPO;
  const git = isGitRepository();
  if (git) {
    gitIdentity();
    stageContentOnly();
    await registerLocalGit(app, { logLevel: "warn" });
  } else {
    await registerLocalFs(app, { logLevel: "warn" });
  }
  const port = parseInt(process.env.DESK_PORT || "8081", 10);
  const server = app.listen(port, "127.0.0.1", () => {
    console.log(`DESK_BACKEND_READY ${server.address().port} ${git ? "git" : "fs"}`);
  });
}

main().catch((error) => {
  console.error(`Bàn biên tập không khởi động được: ${error.message}`);
  process.exit(1);
});
