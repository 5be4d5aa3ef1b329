/*
 * "Xem trước": waits for the saved file's page in the preview build, then
 * opens it. The server answers as soon as the page is newer than the file (or
 * a whole build has run since the save); an article whose file has an error is
 * not built, so its errors are shown instead.
 */
(function () {
  "use strict";
  var file = new URLSearchParams(window.location.search).get("tep") || "";
  var status = document.getElementById("trang-thai");
  var list = document.getElementById("loi");
  var started = Date.now();

  function show(problems) {
    status.textContent = "Có lỗi nên chưa dựng được trang xem trước. Sửa trên bàn biên tập rồi lưu lại:";
    list.hidden = false;
    list.textContent = "";
    problems.forEach(function (p) {
      var item = document.createElement("li");
      item.textContent = "Dòng " + p.line + ": " + p.message + (p.fix ? " (" + p.fix + ")" : "");
      list.appendChild(item);
    });
  }

  function ask() {
    fetch("/quan-tri/api/xem-truoc?tep=" + encodeURIComponent(file), { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      })
      .then(function (result) {
        var answer = result.answer;
        if (!result.ok) {
          status.textContent = answer.error || "Không mở được bản xem trước.";
          return;
        }
        if (answer.ready) {
          window.location.replace(answer.url);
          return;
        }
        if (answer.error) {
          status.textContent = answer.error;
          window.setTimeout(ask, 3000);
          return;
        }
        if (answer.problems && answer.problems.length) {
          show(answer.problems);
          window.setTimeout(ask, 2000);
          return;
        }
        var seconds = Math.round((Date.now() - started) / 1000);
        status.textContent = "Đang chờ trang được dựng lại... (" + seconds + " giây)";
        ask();
      })
      .catch(function () { window.setTimeout(ask, 1000); });
  }

  if (!file) status.textContent = "Chưa chọn bài để xem trước.";
  else ask();
})();
