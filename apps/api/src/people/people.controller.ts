import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StudentView, TeacherView } from '@skillbridge/contracts';
import type { Actor } from '@skillbridge/domain';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ApiAnswer, ApiProblems, ApiSignedIn, INPUT_PROBLEMS } from '../common/openapi';
import { UpdateStudentProfileDto } from './dto/person.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@ApiSignedIn()
@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('students/me')
  @Roles('student')
  @ApiAnswer(200, 'StudentView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'The signed-in student’s profile' })
  student(@CurrentActor() actor: Actor): Promise<StudentView> {
    return this.people.student(actor);
  }

  @Patch('students/me')
  @Roles('student')
  @ApiAnswer(200, 'StudentView')
  @ApiProblems(...INPUT_PROBLEMS, 'NOT_FOUND')
  @ApiOperation({ summary: 'Update skills, certificates, preferred districts and the self-introduction' })
  updateStudent(@CurrentActor() actor: Actor, @Body() body: UpdateStudentProfileDto): Promise<StudentView> {
    return this.people.updateStudent(actor, body);
  }

  @Get('teachers/me')
  @Roles('teacher')
  @ApiAnswer(200, 'TeacherView')
  @ApiProblems('NOT_FOUND')
  @ApiOperation({ summary: 'The signed-in teacher’s profile' })
  teacher(@CurrentActor() actor: Actor): Promise<TeacherView> {
    return this.people.teacher(actor);
  }
}
