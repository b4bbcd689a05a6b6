// The bodies a case may go to (转送/交办) besides our own townships (DESIGN.md §7): county departments,
// higher bodies, and 纪检监察, where accusations about public officials and cadres belong.
export const BODY_KINDS = ['department', 'higher', 'discipline'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
