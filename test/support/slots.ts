/**
 * The body of `POST /slots` for a plain internship of hr@'s enterprise that every rule lets through (stipend at
 * the floor's side, day shifts, dates ahead): the tests that need an application to move start from it.
 */
export const internshipSlot = (title: string) => ({
  type: 'internship',
  title,
  description: '精密零件加工',
  majors: ['机电一体化技术'],
  district: '七里河区',
  startDate: '2027-03-01',
  endDate: '2027-08-31',
  capacity: 1,
  stipend: '3000',
  postWage: '3600',
  hoursPerDay: '8',
  nightShift: false,
});
