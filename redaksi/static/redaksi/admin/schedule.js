// The schedule dialog's pickers: every 5 minutes instead of whole hours (any minute may be typed), and each
// picker placed in the dialog under its own field, so it opens in the flow (schedule.css), never over "Save schedule".
document.addEventListener("DOMContentLoaded", () => {
  const jQuery = window.jQuery;
  if (!jQuery || !jQuery.fn.datetimepicker) return;
  for (const name of ["go_live_at", "expire_at"]) {
    const input = document.querySelector(`#schedule-publishing-dialog input[name="${name}"]`);
    if (!input) continue;
    jQuery(input).datetimepicker("setOptions", { step: 5 });
    const picker = jQuery(input).data("xdsoft_datetimepicker");
    if (picker && picker[0]) input.parentElement.after(picker[0]);
  }
});
