// The schedule dialog's pickers: every 5 minutes instead of whole hours (any minute may be typed), placed in the
// dialog below "Save schedule", so they open in the flow (schedule.css), never over the button, and closing one
// (which a press on the button does first) never moves the button away from under the finger.
document.addEventListener("DOMContentLoaded", () => {
  const jQuery = window.jQuery;
  if (!jQuery || !jQuery.fn.datetimepicker) return;
  const save = document.querySelector("#schedule-publishing-dialog button.action-save");
  if (!save) return;
  for (const name of ["go_live_at", "expire_at"]) {
    const input = document.querySelector(`#schedule-publishing-dialog input[name="${name}"]`);
    if (!input) continue;
    jQuery(input).datetimepicker("setOptions", { step: 5 });
    const picker = jQuery(input).data("xdsoft_datetimepicker");
    if (picker && picker[0]) save.parentElement.append(picker[0]);
  }
});
