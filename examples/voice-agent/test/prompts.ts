// What callers say, shared by several test files. Each prompt is synthesized once for the whole
// suite, by whichever file asks first (even across workers); every other file reads the recording.
export const GREETING = 'Hello, is this the booking line?'
export const BOOK_FLIGHT = 'I would like to book a flight from Berlin to Rome next Friday, please.'
export const CANCEL = 'Please cancel my booking for tomorrow.'
export const YES = 'Yes.'
export const ITINERARY =
  'I need to fly from Berlin to Rome on Friday morning, come back on Sunday evening, ' +
  'sit by the window on both flights, and add one checked bag of twenty kilograms.'
