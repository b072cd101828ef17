// One rule shared by the tracker and `pika-tray get`: right after creation a gateway can
// answer task_not_exist for a few seconds, so a task is unknown only after this many such
// answers in a row.
export const UNKNOWN_TASK_LIMIT = 3;
