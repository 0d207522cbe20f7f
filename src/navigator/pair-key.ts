/** Key of a programme priority; a programme without priorities is ranked as a whole under its id. */
export const pairKey = (programmeId: string, priorityCode: string | null) => (priorityCode === null ? programmeId : `${programmeId}/${priorityCode}`);
